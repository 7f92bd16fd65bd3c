using System.Globalization;
using System.Text;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Calendar;
using Pipeline.Core.Returns;
using Pipeline.Core.Validation;

namespace Pipeline.Core.Tests.Properties;

/// <summary>Any valid return, however it is laid out, validates as valid with exactly the figures written into it.</summary>
public class RoundTripProperties
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Letters and digits for area codes (an index suffix keeps codes unique).</summary>
    private const string CodeCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Letters for the ends of names; the middle may also hold what needs quoting or case folding.</summary>
    private const string NameEnds = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéÖ";
    private const string NameMiddle = NameEnds + "  ,,\"'&()-=+@.0123456789";

    /// <summary>Quarters that have ended by <see cref="Now"/>: 1900-Q1 to 2026-Q3.</summary>
    private static readonly Gen<Quarter> EndedQuarter =
        Gen.Int[0, ((2026 - 1900) * 4) + 2].Select(i => new Quarter(1900 + (i / 4), (i % 4) + 1));

    private static readonly Gen<Area> AreaWithoutIndex =
        Gen.Select(
            Gen.String[Gen.Char[CodeCharacters], 1, 9],
            Gen.Char[NameEnds],
            Gen.String[Gen.Char[NameMiddle], 0, 20],
            Gen.Char[NameEnds],
            (code, first, middle, last) => new Area(code, $"{first}{middle}{last}"));

    private static readonly Gen<RowPlan> Row =
        Gen.Select(Counts.UpToMaximum, Counts.UpToMaximum, Gen.Int[0, 3], Gen.Int[0, 9], Gen.Int.Uniform, Gen.Int.Uniform)
            .SelectMany((offences, outcomes, nameCase, notesLength, quoting, padding) =>
                Gen.Long[0, offences].Select(knife => new RowPlan(offences, knife, outcomes, nameCase, notesLength, quoting, padding)));

    private static readonly Gen<ReturnPlan> Plan =
        Gen.Int[1, 50].SelectMany(count =>
            Gen.Select(
                Gen.Select(EndedQuarter, AreaWithoutIndex.Array[count], Row.Array[count], Gen.Int.Uniform.Array[count]),
                Gen.Select(Gen.Int.Uniform.Array[DefaultDataset.Columns.Count + 1], Gen.Int.Uniform.Array[DefaultDataset.Columns.Count + 1], Gen.Int[0, 2]),
                Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool),
                (content, header, layout) => new ReturnPlan(
                    content.Item1,
                    [.. content.Item2.Select((area, i) => area with { Code = string.Create(CultureInfo.InvariantCulture, $"{area.Code}{i:D2}") })],
                    content.Item3,
                    content.Item4,
                    header.Item1,
                    header.Item2,
                    layout.Item1,
                    layout.Item2,
                    layout.Item3,
                    layout.Item4,
                    header.Item3)));

    [Fact]
    public async Task A_valid_return_written_any_allowed_way_validates_with_its_quarter_and_exact_figures()
    {
        await Plan.SampleAsync(async plan =>
        {
            var options = new ValidationOptions { Areas = [.. plan.Areas] };
            var bytes = plan.ToBytes();
            using var stream = new MemoryStream(bytes, writable: false);

            var result = await new ReturnValidator(options, new FakeTimeProvider(Now)).ValidateAsync(stream, plan.FileName, bytes.Length);

            Assert.True(result.Report.Valid, string.Join(Environment.NewLine, result.Report.Errors.Select(e => $"{e.Code}: {e.Message}")));
            Assert.Empty(result.Report.Errors);
            Assert.Equal(plan.Quarter.ToString(), result.Report.Quarter);
            Assert.Equal(plan.Areas.Length, result.Report.Rows);
            Assert.NotNull(result.Return);
            Assert.Equal(plan.Quarter, result.Return.Quarter);
            Assert.Equal(plan.ExpectedFigures(), result.Return.Areas);
        }, iter: 1_000, print: plan => Encoding.UTF8.GetString(plan.ToBytes()));
    }

    /// <summary>One area's counts and how its row is written.</summary>
    /// <param name="NameCase">0 as configured, 1 upper case, 2 lower case, 3 alternating.</param>
    /// <param name="NotesLength">The length of the extra column's text, when the return has one.</param>
    /// <param name="Quoting">Bit i quotes cell i (cells that need quotes are always quoted).</param>
    /// <param name="Padding">Two bits per cell: spaces or tabs around the value.</param>
    internal sealed record RowPlan(long Offences, long Knife, long Outcomes, int NameCase, int NotesLength, int Quoting, int Padding);

    /// <param name="RowOrder">Sort keys for the rows.</param>
    /// <param name="ColumnOrder">Sort keys for the columns (the six required ones and the extra one).</param>
    /// <param name="HeaderStyle">Per column: case, padding and quoting of its header name.</param>
    /// <param name="FileNaming">0 <c>2024-Q3.csv</c>, 1 <c>returns/2024_q3.CSV</c>, 2 a name with no quarter in it.</param>
    internal sealed record ReturnPlan(
        Quarter Quarter,
        Area[] Areas,
        RowPlan[] Rows,
        int[] RowOrder,
        int[] ColumnOrder,
        int[] HeaderStyle,
        bool CrLf,
        bool ByteOrderMark,
        bool FinalNewLine,
        bool ExtraColumn,
        int FileNaming)
    {
        private const string Notes = "notes";

        public string FileName => FileNaming switch
        {
            0 => $"{Quarter}.csv",
            1 => string.Create(CultureInfo.InvariantCulture, $"returns/{Quarter.Year}_q{Quarter.Number}.CSV"),
            _ => "partner/latest return.csv",
        };

        /// <summary>What the validator should hand back: every row, by area code (ordinal), names as written, trimmed.</summary>
        public AreaFigures[] ExpectedFigures() =>
        [
            .. Areas.Select((area, i) => new AreaFigures(area.Code, WrittenName(area.Name, Rows[i].NameCase), Rows[i].Offences, Rows[i].Knife, Rows[i].Outcomes))
                .OrderBy(f => f.AreaCode, StringComparer.Ordinal),
        ];

        public byte[] ToBytes()
        {
            string[] names = [.. DefaultDataset.Columns, Notes];
            var columns = Enumerable.Range(0, names.Length)
                .Where(c => ExtraColumn || names[c] != Notes)
                .OrderBy(c => ColumnOrder[c])
                .ThenBy(c => c)
                .ToArray();
            var newLine = CrLf ? "\r\n" : "\n";
            var text = new StringBuilder();
            text.AppendJoin(',', columns.Select(c => Cell(Styled(names[c], HeaderStyle[c]), HeaderStyle[c] >> 20, HeaderStyle[c] >> 8)));
            foreach (var i in Enumerable.Range(0, Areas.Length).OrderBy(i => RowOrder[i]).ThenBy(i => i))
            {
                var area = Areas[i];
                var row = Rows[i];
                string[] values =
                [
                    Quarter.ToString(),
                    area.Code,
                    WrittenName(area.Name, row.NameCase),
                    row.Offences.ToString(CultureInfo.InvariantCulture),
                    row.Knife.ToString(CultureInfo.InvariantCulture),
                    row.Outcomes.ToString(CultureInfo.InvariantCulture),
                    string.Concat(Enumerable.Repeat("=x, \"y\"", row.NotesLength)),
                ];
                text.Append(newLine).AppendJoin(',', columns.Select(c => Cell(values[c], row.Quoting >> c, row.Padding >> (2 * c))));
            }

            if (FinalNewLine)
            {
                text.Append(newLine);
            }

            var body = Encoding.UTF8.GetBytes(text.ToString());
            return ByteOrderMark ? [.. Encoding.UTF8.Preamble, .. body] : body;
        }

        private static string WrittenName(string name, int nameCase) => nameCase switch
        {
            1 => name.ToUpperInvariant(),
            2 => string.Concat(name.Select(char.ToLowerInvariant)),
            3 => string.Concat(name.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))),
            _ => name,
        };

        /// <summary>A header name in some case: bits 0-1 pick upper, lower, alternating or as written.</summary>
        private static string Styled(string name, int style) => WrittenName(name, (style & 3) == 0 ? 0 : style & 3);

        /// <summary>A value with optional spaces or tabs around it (inside the quotes when quoted), quoted when asked or needed.</summary>
        private static string Cell(string value, int quoting, int padding)
        {
            var padded = (padding & 3) switch
            {
                1 => $" {value}",
                2 => $"{value}\t ",
                3 => $"\t{value} ",
                _ => value,
            };
            return (quoting & 1) == 1 || padded.AsSpan().ContainsAny(",\"\r\n")
                ? $"\"{padded.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
                : padded;
        }
    }
}

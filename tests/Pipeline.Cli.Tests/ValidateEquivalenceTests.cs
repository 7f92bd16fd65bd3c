using System.Text;
using Pipeline.Core.Datasets;

namespace Pipeline.Cli.Tests;

/// <summary>
/// dist/pipeline-validate (Native AOT) against <c>pipeline validate</c>: the same stdout, byte for byte, the same stderr and
/// the same exit code, as text and as --json, on every sample, the fuzz corpus and many bad files built here. Both read
/// the real clock (the future-quarter rule) and the same settings.
/// </summary>
public sealed class ValidateEquivalenceTests : IDisposable
{
    private const string Birmingham = "E08000025";
    private const string Coventry = "E08000026";
    private readonly ScratchFolder scratch = new();

    public void Dispose() => scratch.Dispose();

    /// <summary>Files built from the default dataset's valid return, each broken in one way (or kept valid in an awkward one).</summary>
    public static TheoryData<string> BuiltFiles() => [.. Built.Keys];

    public static TheoryData<string, string?> RepositoryFiles()
    {
        var data = new TheoryData<string, string?>();
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot.Path, file), null);
        }

        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("samples", "violence-admissions"), "*.csv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot.Path, file), "violence-admissions");
        }

        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("fuzz", "corpus")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot.Path, file), null);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public async Task Reports_a_repository_file_as_the_CLI_does(string file, string? dataset)
    {
        string[] options = dataset is null ? [] : ["--dataset", dataset];
        var path = RepositoryRoot.Combine(file); // the CLI runs in this process, whose folder is the test's

        await AssertSameAsync([path, .. options]);
        await AssertSameAsync([path, "--json", .. options]);
    }

    [Theory]
    [MemberData(nameof(BuiltFiles))]
    public async Task Reports_a_built_file_as_the_CLI_does(string name)
    {
        var path = Path.Combine(scratch.Path, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Built[name]());

        await AssertSameAsync([path]);
        await AssertSameAsync([path, "--json"]);
    }

    [Fact]
    public async Task Reports_several_files_an_unreadable_one_and_standard_input_as_the_CLI_does()
    {
        var valid = scratch.Write("2024-Q1.csv", ReturnFiles.ValidBuilder("2024-Q1").Build());
        var invalid = scratch.Write("2024-Q2.csv", Encoding.UTF8.GetString(ReturnFiles.KnifeExceedsOffences("2024-Q2")));
        var missing = Path.Combine(scratch.Path, "not-there.csv");
        var input = ReturnFiles.Valid("2024-Q3");

        await AssertSameAsync([valid, invalid]);
        await AssertSameAsync([valid, invalid, "--json"]);
        await AssertSameAsync([valid, missing, invalid]);
        await AssertSameAsync(["-", valid], input: input);
        await AssertSameAsync(["-", "--name", "returns/2024-Q4.csv", "--json"], input: input);
    }

    [Fact]
    public async Task Honours_the_same_settings_as_the_CLI()
    {
        var file = scratch.Write("2024-Q3.csv", Encoding.UTF8.GetString(ReturnFiles.KnifeExceedsOffences("2024-Q3")));
        var many = scratch.Write("2024-Q4.csv", ManyErrors());

        await AssertSameAsync([many], new() { ["Pipeline:Validation:MaxErrors"] = "3" });
        await AssertSameAsync([file], new() { ["Pipeline:Validation:MaxValue"] = "50" });
        // Other areas need a population that fits them (docs/datasets.md), or the start is refused.
        await AssertSameAsync([file], new()
        {
            ["Pipeline:Validation:Areas:0:Code"] = Birmingham,
            ["Pipeline:Validation:Areas:0:Name"] = "Birmingham",
            ["Pipeline:Datasets:Path"] = ShippedFiles.DatasetsForAreas(Path.Combine(scratch.Path, "birmingham"), [(Birmingham, "Birmingham")]),
        });
        await AssertSameAsync([file], new() { ["Pipeline:Validation:MaxFileBytes"] = "100" });
        await AssertSameAsync([file], new() { ["Pipeline:Validation:MaxErrors"] = "0" });
        await AssertSameAsync([file], new() { ["Pipeline:Summary:CacheSeconds"] = "86401" });
        await AssertSameAsync([file], new() { ["Pipeline:Storage:LedgerTable"] = "Ledger2" });

        // A misspelt setting is refused by both; the CLI's list of the settings it reads has the storage ones too.
        var misspelt = new Dictionary<string, string?> { ["Pipeline:Validaton:MaxErrors"] = "3" };
        var cli = await CliRun.RunAsync(["validate", file], misspelt, DateTimeOffset.UtcNow);
        var native = NativeValidator.Run([file], misspelt);
        Assert.Equal((2, string.Empty), (cli.ExitCode, cli.Stdout));
        Assert.Equal((cli.ExitCode, cli.Stdout), (native.ExitCode, native.Stdout));
        Assert.StartsWith(cli.Stderr[..cli.Stderr.IndexOf("Pipeline__Storage__", StringComparison.Ordinal)].TrimEnd(' ', ','), native.Stderr, StringComparison.Ordinal);
        await AssertSameAsync([file, "--dataset", "no-such-dataset"]);
    }

    private static readonly Dictionary<string, Func<byte[]>> Built = new(StringComparer.Ordinal)
    {
        ["valid/2024-Q3.csv"] = () => ReturnFiles.Valid("2024-Q3"),
        ["valid-crlf-bom-quoted/2024-Q3.csv"] = () => ReturnFiles.ValidBuilder("2024-Q3").WithCrLf().WithByteOrderMark().WithEveryCellQuoted().BuildBytes(),
        ["knife-exceeds/2024-Q3.csv"] = () => ReturnFiles.KnifeExceedsOffences("2024-Q3"),
        ["not-a-number/2024-Q3.csv"] = () => ReturnFiles.ValidBuilder("2024-Q3").WithCell(Coventry, "offences", "1O3").BuildBytes(),
        ["negative-and-huge/2024-Q3.csv"] = () => ReturnFiles.ValidBuilder("2024-Q3").WithCell(Coventry, "offences", "-4").WithCell(Birmingham, "offences", "123456789012345678901234567890").BuildBytes(),
        ["blank-cells/2024-Q3.csv"] = () => ReturnFiles.ValidBuilder("2024-Q3").WithCell(Coventry, "area_name", " ").WithCell(Birmingham, "positive_outcomes", "").BuildBytes(),
        ["unsafe-and-renamed/2024-Q3.csv"] = () => ReturnFiles.ValidBuilder("2024-Q3").WithCell(Coventry, "area_name", "=HYPERLINK()").WithCell(Birmingham, "area_name", "BIRMINGHAM city").BuildBytes(),
        ["unknown-duplicate-missing-area/2024-Q3.csv"] = () => ReturnFiles.ValidBuilder("2024-Q3").WithoutArea(Coventry).WithRow("2024-Q3", "E08000099", "Nowhere", "1", "0", "0").WithRow("2024-Q3", Birmingham, "Birmingham", "1", "0", "0").BuildBytes(),
        ["header-problems/2024-Q3.csv"] = () => ReturnFiles.ValidBuilder("2024-Q3").WithHeader("quarter", "Area Code", "area_name", "offences", "offences", "knife_offences", "notes").BuildBytes(),
        ["widths/2024-Q3.csv"] = () => ReturnFiles.ValidBuilder("2024-Q3").WithRawRow(Coventry, $"2024-Q3,{Coventry},Coventry,1,0").WithRawRow(Birmingham, $"2024-Q3,{Birmingham},Birmingham,1,0,0,extra").BuildBytes(),
        ["blank-lines/2024-Q3.csv"] = () => ReturnFiles.ValidBuilder("2024-Q3").WithBlankLine().WithLine(",,,,,").WithLineBeforeHeader("").BuildBytes(),
        ["mixed-quarters/2024-Q3.csv"] = () => ReturnFiles.ValidBuilder("2024-Q3").WithCell(Coventry, "quarter", "2024-Q2").WithCell(Birmingham, "quarter", "2024-q3").BuildBytes(),
        ["name-mismatch/2024-Q2.csv"] = () => ReturnFiles.Valid("2024-Q3"),
        ["future/2031-Q1.csv"] = () => ReturnFiles.Valid("2031-Q1"),
        ["unclosed-quote/2024-Q3.csv"] = () => Encoding.UTF8.GetBytes(ReturnFiles.ValidBuilder("2024-Q3").Build() + "2024-Q3,\"E08000026,Coventry,1,0,0\n"),
        ["bad-utf8/2024-Q3.csv"] = () => [.. ReturnFiles.Valid("2024-Q3"), 0xC3, 0x28, (byte)'\n'],
        ["empty/2024-Q3.csv"] = () => [],
        ["blank-only/2024-Q3.csv"] = () => "\n\n  \n"u8.ToArray(),
        ["not-csv/2024-Q3.xlsx"] = () => ReturnFiles.Valid("2024-Q3"),
        ["too-large/2024-Q3.csv"] = () => new byte[(10 * 1024 * 1024) + 1],
        ["many-errors/2024-Q3.csv"] = () => Encoding.UTF8.GetBytes(ManyErrors()),
        ["violence-admissions-as-default/2024-Q3.csv"] = () => ReturnBuilder.For(DatasetRegistry.BuiltIn.TryGet("violence-admissions", out var d) ? d : throw new InvalidOperationException(), "2024-Q3").BuildBytes(),
    };

    /// <summary>A return with more errors than the default cap, and more warnings too.</summary>
    private static string ManyErrors()
    {
        var text = new StringBuilder(ReturnFiles.ValidBuilder("2024-Q4").Build());
        for (var i = 0; i < 150; i++)
        {
            text.Append(i % 2 == 0 ? $"2024-Q4,{Coventry},Coventry,x{i},0,0\n" : $"2024-Q4,{Birmingham},Birmingham city,{i},0,0\n");
        }

        return text.ToString();
    }

    private static async Task AssertSameAsync(string[] args, Dictionary<string, string?>? settings = null, byte[]? input = null)
    {
        var cli = await CliRun.RunAsync(["validate", .. args], settings, DateTimeOffset.UtcNow, input is null ? null : () => new MemoryStream(input));
        var native = NativeValidator.Run(args, settings, input);

        var call = $"pipeline-validate {string.Join(' ', args)}";
        Assert.True(cli.Stdout == native.Stdout, $"{call}: stdout differs.\nCLI:\n{cli.Stdout}\nnative:\n{native.Stdout}");
        Assert.True(cli.Stderr == native.Stderr, $"{call}: stderr differs.\nCLI:\n{cli.Stderr}\nnative:\n{native.Stderr}");
        Assert.True(cli.ExitCode == native.ExitCode, $"{call}: exit code {native.ExitCode}, the CLI's {cli.ExitCode}.");
    }
}

using CsCheck;
using Pipeline.Testing.Disclosure;
using static Pipeline.Core.Tests.Disclosure.BuiltCases;

namespace Pipeline.Core.Tests.Disclosure;

/// <summary>Over random small datasets: nothing withheld can be worked out, and the withheld set does not depend on order.</summary>
public class DisclosureProperties
{
    /// <summary>A count, mostly small: half of them 0 to 9, the rest up to 40.</summary>
    private static readonly Gen<long> Count = Gen.Frequency((1, Gen.Long[0, 9]), (1, Gen.Long[0, 40]));

    /// <summary>2 to 5 areas over 4 to 10 quarters from 2022-Q3 (rolling years from the ninth), each cell (cases, severe &lt;= cases).</summary>
    private static readonly Gen<(int Areas, int Quarters, (long Cases, long Severe)[] Cells)> Datasets =
        Gen.Select(Gen.Int[2, 5], Gen.Int[4, 10])
            .SelectMany((areas, quarters) => Count.SelectMany(c => Gen.Long[0, c].Select(s => (c, s))).Array[areas * quarters]
                .Select(cells => (areas, quarters, cells)));

    [Fact]
    public void No_withheld_figure_of_a_random_dataset_can_be_worked_out()
    {
        Datasets.Sample((areas, quarters, cells) =>
        {
            var codes = Enumerable.Range(1, areas).Select(a => $"E{a:D2}").ToArray();
            var accepted = Quarters("2022-Q3", quarters, codes, (q, a) => cells[(q * areas) + a]);

            var report = DisclosureChecker.Check(Dataset, accepted, ProtectedDocuments.Public(Dataset, accepted));

            Assert.True(report.Passed, report.ToString());
        }, iter: 150, threads: 1);
    }

    [Fact]
    public void A_random_dataset_gives_the_same_documents_in_any_order()
    {
        Datasets.Sample((areas, quarters, cells) =>
        {
            var codes = Enumerable.Range(1, areas).Select(a => $"E{a:D2}").ToArray();
            var accepted = Quarters("2022-Q3", quarters, codes, (q, a) => cells[(q * areas) + a]);
            var reversed = accepted.AsEnumerable().Reverse().Select(q => q with { Areas = [.. q.Areas.Reverse()] }).ToList();

            Assert.Equal(ProtectedDocuments.Of(Dataset, accepted).Series, ProtectedDocuments.Of(Dataset, reversed).Series);
            Assert.Equal(ProtectedDocuments.Of(Dataset, accepted).Summaries, ProtectedDocuments.Of(Dataset, reversed).Summaries);
        }, iter: 100);
    }
}

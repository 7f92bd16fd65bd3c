using Pipeline.Core.Datasets;
using Pipeline.Testing.Disclosure;
using Xunit.Abstractions;

namespace Pipeline.Core.Tests.Disclosure;

/// <summary>The checker on the shipped violence-admissions samples, and what primary suppression alone gives away there.</summary>
public class CheckerSampleTests(ITestOutputHelper output)
{
    private static readonly DatasetDefinition Admissions = DatasetRegistry.BuiltIn.Get("violence-admissions");

    [Fact]
    public void No_withheld_figure_of_the_samples_can_be_worked_out()
    {
        var accepted = ProtectedDocuments.Samples(Admissions);

        var report = DisclosureChecker.Check(Admissions, accepted, ProtectedDocuments.Public(Admissions, accepted));

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.True(report.WithheldCells > 40, report.ToString()); // Most sharp-object admissions are 1 to 6 an area a quarter.
    }

    [Fact]
    public void Primary_suppression_alone_gives_sample_figures_away()
    {
        var accepted = ProtectedDocuments.Samples(Admissions);

        var report = DisclosureChecker.Check(Admissions, accepted, ProtectedDocuments.Public(Admissions, accepted, secondary: false));

        output.WriteLine(report.ToString());
        Assert.NotEmpty(report.Determined);
    }
}

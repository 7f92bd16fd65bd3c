using System.Reflection;
using Pipeline.Core.Publication;
using Pipeline.Core.Revisions;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;
using Pipeline.Web;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Every public read of figures goes through <see cref="PublishedFigures"/>, the one place that decides what the public
/// may see: no handler or function reaches the summaries, the series or the revision log around it (the spreadsheets are
/// made from what it gives), so that releases and disclosure control change one class.
/// </summary>
public sealed class PublicReadsTests
{
    private static readonly Type[] Around = [typeof(SummaryService), typeof(SeriesService), typeof(RevisionLog)];

    [Fact]
    public void No_handler_or_function_takes_the_figures_services_but_through_PublishedFigures()
    {
        var takers = new[] { typeof(WebResult).Assembly, typeof(PutUpload).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(c => c.GetParameters())
                .Where(p => Around.Contains(p.ParameterType))
                .Select(p => $"{t.FullName} takes {p.ParameterType.Name}"))
            .ToList();

        Assert.Empty(takers);
        // The API's summary and series, spreadsheets included, through PublishedWorkbooks, which reads only PublishedFigures.
        Assert.Contains(typeof(FiguresHandlers).GetConstructors().Single().GetParameters(), p => p.ParameterType == typeof(Core.Workbooks.PublishedWorkbooks));
        var workbooks = typeof(Core.Workbooks.PublishedWorkbooks).GetConstructors().Single().GetParameters();
        Assert.Contains(workbooks, p => p.ParameterType == typeof(PublishedFigures));
        Assert.DoesNotContain(workbooks, p => Around.Contains(p.ParameterType));
        Assert.Contains(typeof(RevisionHandlers).GetConstructors().Single().GetParameters(), p => p.ParameterType == typeof(PublishedFigures));
        Assert.Contains(typeof(Pipeline.Web.Pages.DashboardHandlers).GetConstructors().Single().GetParameters(), p => p.ParameterType == typeof(PublishedFigures));
    }
}

using System.Diagnostics;
using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Disclosure;
using Pipeline.Core.Returns;
using Pipeline.Core.Series;

namespace Pipeline.Benchmarks;

/// <summary>
/// How long the disclosure step takes at national size: violence-admissions' rule over synthetic areas (E99 codes) and
/// years of quarters, admissions 10 to 209 and sharp-object admissions 0 to 14 an area a quarter (about half small),
/// timed as the recalculation runs it: deciding what is withheld, then protecting every summary and the series.
/// </summary>
internal static class DisclosureMode
{
    public static int Run(string[] args)
    {
        var areas = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var years = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var dataset = DatasetRegistry.BuiltIn.Get("violence-admissions");
        var random = new Random(26);
        var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var accepted = new List<AcceptedQuarter>();
        for (var q = 0; q < years * 4; q++)
        {
            var quarter = new Quarter(2026 - years + (q / 4), (q % 4) + 1);
            var figures = new AreaFigures[areas];
            for (var a = 0; a < areas; a++)
            {
                long admissions = random.Next(10, 210);
                figures[a] = new AreaFigures(NationalData.Code(a), NationalData.Name(a), admissions, Math.Min(admissions, random.Next(0, 15)));
            }

            accepted.Add(new AcceptedQuarter(quarter, $"violence-admissions/{quarter}.csv", new string('0', 64), at, at, figures, dataset.Id));
        }

        var clock = Stopwatch.StartNew();
        var control = DisclosureControl.Decide(dataset, accepted)!;
        var decided = clock.Elapsed;
        // One summary at a time, as the recalculation computes them: a national one is about 6 MB.
        var summaries = ComparisonCalculator.Plan(dataset, accepted, [], at).Select(p => control.Protect(p.Compute()).Areas.Count).ToList();
        var series = control.Protect(SeriesCalculator.Compute(dataset, accepted, []));
        var (withheld, figures2) = control.Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{areas:N0} areas x {years * 4} quarters: decided in {decided.TotalSeconds:F1} s ({withheld:N0} of {figures2:N0} figures withheld), {summaries.Count} summaries and the series computed and protected by {clock.Elapsed.TotalSeconds:F1} s; {series.Quarters.Count} quarters; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB"));
        return 0;
    }
}

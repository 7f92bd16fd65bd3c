using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Datasets;
using Pipeline.Core.Releases;
using Pipeline.Core.Summaries;
using Pipeline.Web;
using Pipeline.Web.Access;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline summary --preview</c> (docs/contract.md sections 10 and 11): the coming release of a scheduled dataset, for
/// an operator, opened by the API's own gate (<see cref="PreviewGate.ComingAsync"/>: the same pre-release window, the
/// view recorded, here as the principal <c>cli</c>), and marked as the API marks it.
/// </summary>
internal static class SummaryPreview
{
    /// <summary>The principal a preview by the CLI is recorded as, as <c>pipeline ingest</c> sends as <c>cli</c>.</summary>
    public const string Principal = "cli";

    /// <summary>The coming release, with "Not yet published" said on stderr; or null, the refusal said on stderr (exit 2).</summary>
    public static async Task<Release?> OpenAsync(
        CliContext context, IServiceProvider services, SummaryRequest request, IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken)
    {
        var dataset = CliContext.Dataset(services, request.Dataset);
        var gate = ActivatorUtilities.CreateInstance<PreviewGate>(services, new OperatorCallers());
        var asked = string.Join(' ', ["pipeline summary", .. parameters.Select(p => $"--{p.Key} {p.Value}"), "--preview"]);
        var (coming, problem, _) = await gate.ComingAsync(dataset, Principal, asked, cancellationToken);
        if (problem is not null)
        {
            await context.Error.WriteLineAsync(problem);
            return null;
        }

        await context.Error.WriteLineAsync(
            $"Not yet published: this is {coming!.Id}, to be published at {ReleaseTime.Iso(coming.PublishAt, dataset.Publication!)} ({ReleaseTime.ForPeople(coming.PublishAt, dataset.Publication!)}). This view is recorded (pipeline release access {coming.Id}).");
        return coming;
    }

    /// <summary>The body as <c>GET /api/summary?preview=true</c> gives it: JSON gains <c>"preview": true</c> and <c>"publishAt"</c>.</summary>
    public static byte[] Mark(SummaryResponse response, Release coming, DatasetDefinition dataset) =>
        PreviewGate.Mark(new WebResult(200, response.ContentType, response.Body), coming, dataset).Body;
}

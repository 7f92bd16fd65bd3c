using Microsoft.Extensions.Logging;

namespace Pipeline.Web;

/// <summary>
/// Every log message of Pipeline.Web, in one place so that its event ids stay unique and stable: 50xx the refusals an
/// operator is asked about ("why may I not send?") or should see (a form posted from another site). Each event's name
/// is its method's. (Core's are 1xxx and 3xxx, Functions' 2xxx, Storage's 4xxx.)
/// </summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 5001, EventName = nameof(CrossSiteFormRefused), Level = LogLevel.Warning, Message = "A form posted to {Path} from another site was refused: Origin {Origin}, Referer {Referer}, this site {Host}")]
    public static partial void CrossSiteFormRefused(ILogger logger, string path, string origin, string referer, string host);

    [LoggerMessage(EventId = 5002, EventName = nameof(SubmitRoleRefused), Level = LogLevel.Information, Message = "{Principal} was refused: to {Action} of the dataset {Dataset} needs the app role {Role}")]
    public static partial void SubmitRoleRefused(ILogger logger, string? principal, string action, string dataset, string role);

    [LoggerMessage(EventId = 5003, EventName = nameof(NoSubmitRole), Level = LogLevel.Information, Message = "{Principal} was refused the partner page: no app role to send any dataset's returns")]
    public static partial void NoSubmitRole(ILogger logger, string? principal);
}

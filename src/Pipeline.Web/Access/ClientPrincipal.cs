using System.Text;
using System.Text.Json;

namespace Pipeline.Web.Access;

/// <summary>
/// Reads App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header: base64 of a JSON object whose <c>claims</c> are
/// <c>[{"typ", "val"}]</c>, with <c>name_typ</c> and <c>role_typ</c> naming the claim types of the name and the roles. Entra
/// ID sends app roles as claims of type <c>roles</c>, while <c>role_typ</c> names another type: both are read.
/// </summary>
public static class ClientPrincipal
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>
    /// The most a header may hold. The platform's principals are a few kilobytes; a header this large is not one, and is
    /// refused before it is decoded.
    /// </summary>
    public const int MaxHeaderChars = 32 * 1024;

    /// <summary>Claim types that name a principal, in order of preference after the principal's own <c>name_typ</c>.</summary>
    private static readonly string[] NameTypes =
    [
        "name",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        "preferred_username",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
        "azp",
        "appid",
        "http://schemas.microsoft.com/identity/claims/objectidentifier",
        "oid",
    ];

    /// <summary>
    /// The caller <paramref name="header"/> describes, or why it cannot be read (a sentence for a 400 answer). A principal
    /// with no claim that names it is still signed in, named by <c>unnamed principal</c>.
    /// </summary>
    public static bool TryRead(string header, out Caller caller, out string problem)
    {
        ArgumentNullException.ThrowIfNull(header);
        caller = Caller.Anonymous;
        problem = string.Empty;
        if (header.Length > MaxHeaderChars)
        {
            problem = $"The {HeaderName} header is {header.Length:N0} characters, over the {MaxHeaderChars:N0} a principal may take.";
            return false;
        }

        byte[] json;
        try
        {
            json = Convert.FromBase64String(header.Trim());
        }
        catch (FormatException)
        {
            problem = $"The {HeaderName} header is not base64.";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                problem = $"The {HeaderName} header is not a principal: a JSON object with an array of claims.";
                return false;
            }

            var nameType = Text(root, "name_typ");
            var roleType = Text(root, "role_typ");
            var pairs = new List<(string Type, string Value)>();
            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.ValueKind != JsonValueKind.Object || Text(claim, "typ") is not { } type || Text(claim, "val") is not { } value)
                {
                    problem = $"The {HeaderName} header has a claim that is not {{\"typ\": text, \"val\": text}}.";
                    return false;
                }

                pairs.Add((type, value));
            }

            var roles = pairs.Where(p => p.Type == "roles" || (roleType is not null && p.Type == roleType)).Select(p => p.Value);
            var name = (nameType is null ? [] : new[] { nameType }).Concat(NameTypes)
                .Select(t => pairs.FirstOrDefault(p => p.Type == t && p.Value.Length > 0).Value)
                .FirstOrDefault(v => v is not null) ?? "unnamed principal";
            caller = Caller.SignedIn(name, roles);
            return true;
        }
        catch (JsonException)
        {
            problem = $"The {HeaderName} header is not JSON once decoded.";
            return false;
        }
        catch (DecoderFallbackException)
        {
            problem = $"The {HeaderName} header is not UTF-8 once decoded.";
            return false;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Text;
using System.Text.Json;

namespace Pipeline.Testing;

/// <summary>
/// <c>X-MS-CLIENT-PRINCIPAL</c> headers as App Service Authentication sends them for Entra ID: base64 of
/// <c>{"auth_typ", "name_typ", "role_typ", "claims": [{"typ", "val"}]}</c>, the app roles as claims of type <c>roles</c>.
/// Written here by hand from the platform's documented shape, not by the code under test.
/// </summary>
public static class Principals
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    public const string RoleClaimType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    public static string Of(string name, params string[] roles) => Encode(name, roles.Select(r => ("roles", r)));

    /// <summary>A principal whose roles come as claims of the type its <c>role_typ</c> names (not <c>roles</c>).</summary>
    public static string WithRoleTyp(string name, params string[] roles) => Encode(name, roles.Select(r => (RoleClaimType, r)));

    public static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private static string Encode(string name, IEnumerable<(string Type, string Value)> roles)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("auth_typ", "aad");
            json.WriteString("name_typ", "name");
            json.WriteString("role_typ", RoleClaimType);
            json.WriteStartArray("claims");
            foreach (var (type, value) in roles.Prepend(("name", name)))
            {
                json.WriteStartObject();
                json.WriteString("typ", type);
                json.WriteString("val", value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Convert.ToBase64String(buffer.ToArray());
    }
}

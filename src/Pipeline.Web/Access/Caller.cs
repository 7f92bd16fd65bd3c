namespace Pipeline.Web.Access;

/// <summary>
/// Who is asking (docs/contract.md section 10): nobody signed in, a signed-in principal with its app roles, or the operator
/// of <c>pipeline serve</c> without <c>--identity</c>, who may do everything.
/// </summary>
public sealed class Caller
{
    public const string AdminRole = "Pipeline.Admin";
    public const string SubmitPrefix = "Submit.";
    public const string PreviewPrefix = "Preview.";

    private readonly HashSet<string> _roles;

    private Caller(string? name, IEnumerable<string> roles, bool isOperator)
    {
        Name = name;
        _roles = new HashSet<string>(roles, StringComparer.Ordinal);
        IsOperator = isOperator;
    }

    /// <summary>Nobody signed in.</summary>
    public static Caller Anonymous { get; } = new(null, [], isOperator: false);

    /// <summary>The user of <c>pipeline serve</c> without <c>--identity</c>: the machine's operator, treated as an administrator.</summary>
    public static Caller Operator { get; } = new("operator", [], isOperator: true);

    /// <summary>The signed-in principal's name (what the ledger records as <c>sentBy</c>); null when nobody is signed in.</summary>
    public string? Name { get; }

    public bool IsOperator { get; }

    public bool IsSignedIn => Name is not null;

    /// <summary>The app roles, exactly as the platform sent them (roles are compared case-sensitively, as Entra writes them).</summary>
    public IReadOnlySet<string> Roles => _roles;

    public bool IsAdmin => IsOperator || _roles.Contains(AdminRole);

    public static Caller SignedIn(string name, IEnumerable<string> roles) => new(name, roles, isOperator: false);

    /// <summary>Whether the caller may send, check and list the uploads of dataset <paramref name="dataset"/> (its id as written).</summary>
    public bool MaySubmit(string dataset) => IsAdmin || _roles.Contains(SubmitPrefix + dataset);

    /// <summary>Whether the caller may see dataset <paramref name="dataset"/>'s coming release before it is published.</summary>
    public bool MayPreview(string dataset) => IsAdmin || _roles.Contains(PreviewPrefix + dataset);
}

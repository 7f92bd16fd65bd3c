namespace Pipeline.Testing;

/// <summary>
/// Who may see and do what (docs/contract.md section 10), as a table the tests run through the function classes and
/// through <c>pipeline serve --identity</c>: every route and page, for each of five callers, with the status each must get.
/// The expectations are written here from the contract's table, not taken from the code under test.
/// </summary>
public static class AccessMatrix
{
    public const string Default = "serious-youth-violence";
    public const string Admissions = "violence-admissions";

    /// <summary>The five callers: nobody, a submitter of each shipped dataset, a pre-release reader, an operator.</summary>
    public static readonly (string Name, string? Principal)[] Callers =
    [
        ("anonymous", null),
        ("police submitter", Principals.Of("police@example.org", "Submit." + Default)),
        ("health submitter", Principals.Of("nhs@example.org", "Submit." + Admissions)),
        ("preview reader", Principals.Of("press@example.org", "Preview." + Default, "Preview." + Admissions)),
        ("admin", Principals.Of("ops@example.org", "Pipeline.Admin")),
    ];

    /// <summary>
    /// Each request: its method, path and query, the body it sends (<see cref="Body"/>), and the status for each caller in
    /// the order of <see cref="Callers"/>. A PUT's 201 may be for a duplicate when an earlier caller sent the same bytes.
    /// </summary>
    public static readonly Row[] Rows =
    [
        // Published figures, definitions and descriptions: everyone.
        new("GET", "/", BodyKind.None, [200, 200, 200, 200, 200]),
        new("GET", "/api/summary", BodyKind.None, [200, 200, 200, 200, 200]),
        new("GET", "/api/summary?dataset=" + Admissions + "&format=csv", BodyKind.None, [200, 200, 200, 200, 200]),
        new("GET", "/api/series", BodyKind.None, [200, 200, 200, 200, 200]),
        new("GET", "/api/revisions", BodyKind.None, [200, 200, 200, 200, 200]),
        new("GET", "/api/datasets", BodyKind.None, [200, 200, 200, 200, 200]),
        new("GET", "/api/datasets/" + Admissions + "/schema", BodyKind.None, [200, 200, 200, 200, 200]),
        new("GET", "/api/openapi.json", BodyKind.None, [200, 200, 200, 200, 200]),
        new("GET", "/assets/govuk-frontend.min.css", BodyKind.None, [200, 200, 200, 200, 200]),

        // The partner page: a sign-in link for nobody, the form for a submitter, a 403 page for a role that sends nothing.
        new("GET", "/submit", BodyKind.None, [401, 200, 200, 403, 200]),

        // Checking, sending and listing: Submit.D of the dataset (a PUT's is its name's first folder, in any case).
        new("POST", "/api/validate", BodyKind.DefaultReturn, [401, 200, 403, 403, 200]),
        new("POST", "/api/validate?dataset=" + Admissions, BodyKind.AdmissionsReturn, [401, 403, 200, 403, 200]),
        new("PUT", "/api/uploads/matrix/2024-Q3.csv", BodyKind.DefaultReturn, [401, 201, 403, 403, 201]),
        new("PUT", "/api/uploads/" + Admissions + "/2024-Q1.csv", BodyKind.AdmissionsReturn, [401, 403, 201, 403, 201]),
        new("PUT", "/api/uploads/VIOLENCE-ADMISSIONS/2024-Q2.csv", BodyKind.AdmissionsReturn, [401, 403, 201, 403, 201]),
        new("GET", "/api/uploads", BodyKind.None, [401, 200, 403, 403, 200]),
        new("GET", "/api/uploads?dataset=" + Admissions, BodyKind.None, [401, 403, 200, 403, 200]),
        new("GET", "/api/uploads/report?file=samples/2024-Q3.csv", BodyKind.None, [401, 200, 403, 403, 200]),
        new("GET", "/api/uploads/report?file=" + Admissions + "/2024-Q1.csv", BodyKind.None, [401, 403, 200, 403, 200]),
        new("GET", "/api/uploads/report?file=" + Admissions + "/never-sent.csv", BodyKind.None, [401, 403, 404, 403, 404]),
    ];

    /// <summary>The 403 an API route answers a caller without the dataset's role: it names the dataset and nothing else.</summary>
    public static string Forbidden(string action, string dataset) =>
        $"You may not {action} of the dataset '{dataset}': that needs the app role Submit.{dataset}. Ask an administrator to assign it to you.";

    public static byte[] Body(BodyKind kind) => kind switch
    {
        BodyKind.DefaultReturn => ReturnFiles.Valid("2024-Q3", offencesBase: 400),
        BodyKind.AdmissionsReturn => File.ReadAllBytes(RepositoryRoot.Combine("samples", Admissions, "2024-Q1.csv")),
        _ => [],
    };

    public enum BodyKind
    {
        None,
        DefaultReturn,
        AdmissionsReturn,
    }

    public sealed record Row(string Method, string Target, BodyKind Body, int[] Expected)
    {
        public string Path => Target.Split('?')[0];

        public string Query => Target.Contains('?', StringComparison.Ordinal) ? Target[Target.IndexOf('?', StringComparison.Ordinal)..] : string.Empty;

        public override string ToString() => $"{Method} {Target}";
    }
}

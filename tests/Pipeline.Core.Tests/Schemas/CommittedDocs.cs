namespace Pipeline.Core.Tests.Schemas;

/// <summary>
/// Compares a committed, generated document under docs/ with what the generator makes now. The test never rewrites the
/// file: it leaves what it made beside it as <c>&lt;file&gt;.received</c> and fails; accepting that is a separate,
/// deliberate step (scripts/accept-snapshots.sh), after reading the diff.
/// </summary>
internal static class CommittedDocs
{
    public static void AssertCurrent(string relativePath, byte[] generated)
    {
        var path = RepositoryRoot.Combine(relativePath.Split('/'));
        var committed = File.Exists(path) ? File.ReadAllBytes(path) : null;
        if (committed is not null && committed.AsSpan().SequenceEqual(generated))
        {
            return;
        }

        File.WriteAllBytes(path + ".received", generated);
        Assert.Fail(committed is null
            ? $"{relativePath} is missing. The generated document is beside it as {relativePath}.received: run scripts/accept-snapshots.sh to accept it."
            : $"{relativePath} is not what the dataset definitions generate now. The generated document is beside it as {relativePath}.received: read the diff, then run scripts/accept-snapshots.sh to accept it.");
    }
}

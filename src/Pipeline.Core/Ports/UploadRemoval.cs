namespace Pipeline.Core.Ports;

/// <summary>What became of the attempt to remove a processed upload from the uploads container.</summary>
public enum UploadRemoval
{
    /// <summary>Removed (or already gone).</summary>
    Removed,

    /// <summary>A newer version was written under the name meanwhile; it is left for its own run.</summary>
    Changed,

    /// <summary>Another client holds a lease on the blob: it stays in uploads until the lease is released.</summary>
    Leased,
}

namespace Pipeline.Core.Ports;

/// <summary>
/// Tells a failure of storage itself (no connection, the connection lost, no answer in time) from an answer storage gave
/// about one blob or entity. After the first, every other request fails the same way, so a run over many uploads stops
/// instead of trying each; after the second, it goes on with the others.
/// </summary>
public interface IStorageFaults
{
    /// <summary>
    /// Whether <paramref name="exception"/>, thrown by one of the storage ports, means storage could not be reached.
    /// A cancellation counts as a timeout: callers rule out their own cancellation before they ask.
    /// </summary>
    bool IsUnreachable(Exception exception);
}

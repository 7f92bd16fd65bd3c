using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Pipeline.Cli.Tests;

/// <summary>An answer as it came over the wire: the status, every header in order, and the body's bytes.</summary>
internal sealed record RawResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>The values of header <paramref name="name"/>, in order; none when it was not sent.</summary>
    public string[] Values(string name) => [.. Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)];

    /// <summary>The one value of header <paramref name="name"/>, or null when it was not sent.</summary>
    public string? Header(string name) => Values(name) switch
    {
        [] => null,
        [var one] => one,
        var many => throw new InvalidOperationException($"{name} was sent {many.Length} times: {string.Join(" | ", many)}"),
    };

    /// <summary>Every header but Date, which changes by the second: what two answers to the same request must share.</summary>
    public string[] HeadersButDate => [.. Headers.Where(h => !string.Equals(h.Key, "Date", StringComparison.OrdinalIgnoreCase)).Select(h => $"{h.Key}: {h.Value}")];

    public JsonDocument Json() => JsonDocument.Parse(Body);
}

/// <summary>
/// One HTTP/1.1 exchange over a plain socket, read until the server closes. HttpClient cannot send some of what these
/// tests send (System.Uri removes a '..' segment; a malformed request line cannot be written with it), and this reads
/// the headers exactly as sent, HEAD's Content-Length included.
/// </summary>
internal static class RawHttp
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary><paramref name="method"/> <paramref name="target"/> exactly as written, with Host, Connection: close and any body.</summary>
    public static Task<RawResponse> SendAsync(Uri server, string method, string target, byte[]? body = null, params (string Name, string Value)[] headers)
    {
        ArgumentNullException.ThrowIfNull(server);
        var head = new StringBuilder().Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (body is not null)
        {
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        head.Append("\r\n");
        return SendBytesAsync(server, [.. Encoding.ASCII.GetBytes(head.ToString()), .. body ?? []]);
    }

    /// <summary>Any bytes at all, then the answer.</summary>
    public static async Task<RawResponse> SendBytesAsync(Uri server, byte[] request)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var timeout = new CancellationTokenSource(Timeout);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.Host, server.Port, timeout.Token);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(request, timeout.Token);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return Parse(received.ToArray());
    }

    private static RawResponse Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            throw new InvalidOperationException($"No complete answer: '{Encoding.Latin1.GetString(bytes)}'");
        }

        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Select(p => KeyValuePair.Create(p[0], p[1].Trim())).ToList();
        return new RawResponse(status, headers, bytes[(end + 4)..]);
    }
}

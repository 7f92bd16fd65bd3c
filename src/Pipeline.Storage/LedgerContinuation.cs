using System.Buffers.Text;
using System.Text;
using Pipeline.Core.Ports;

namespace Pipeline.Storage;

/// <summary>
/// The ledger listing's continuation as the API hands it out: base64url (RFC 4648 section 5, no padding) of the dataset,
/// a line feed, and the table client's continuation (the next partition and row keys storage gave, space-separated).
/// Opaque to its holder; read back only when it is exactly such a text for the dataset being listed.
/// </summary>
internal static class LedgerContinuation
{
    /// <summary>Far above any continuation storage gives (two keys of at most 1 KiB, as storage encodes them).</summary>
    private const int MaxChars = 4096;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string dataset, string storageToken) =>
        Base64Url.EncodeToString(Strict.GetBytes(dataset + "\n" + storageToken));

    /// <summary>The table client's continuation in <paramref name="continuation"/>.</summary>
    /// <exception cref="LedgerContinuationException">It is not a continuation of <paramref name="dataset"/>'s listing.</exception>
    public static string Decode(string continuation, string dataset)
    {
        string text;
        try
        {
            if (continuation.Length > MaxChars || !continuation.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new FormatException();
            }

            text = Strict.GetString(Base64Url.DecodeFromChars(continuation));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            throw new LedgerContinuationException("it is not a continuation this listing gave");
        }

        var lineFeed = text.IndexOf('\n', StringComparison.Ordinal);
        var token = lineFeed < 0 ? string.Empty : text[(lineFeed + 1)..];
        var space = token.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || space == token.Length - 1 || token.IndexOf(' ', space + 1) >= 0 || token.Any(char.IsControl))
        {
            throw new LedgerContinuationException("it is not a continuation this listing gave");
        }

        if (!string.Equals(text[..lineFeed], dataset, StringComparison.Ordinal))
        {
            throw new LedgerContinuationException("it continues the listing of another dataset");
        }

        return token;
    }
}

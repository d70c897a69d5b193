using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace TrustAdvisor.Web.Tests.Infrastructure;

/// <summary>What an authenticator app does with the key the two-factor page shows: a six-digit code every 30 seconds (RFC 6238).</summary>
public static class Authenticator
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Code(string key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; this is the app's side of that.
        var hash = HMACSHA1.HashData(Base32(key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string key)
    {
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
        {
            value = (value << 5) | Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}

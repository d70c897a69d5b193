using System.Buffers.Text;
using System.Security.Cryptography;

namespace TrustAdvisor.Domain.Pulses;

/// <summary>
/// The secret in a client's personal link: the pulse's id and 256 random bits, as "{id}.{secret}" in URL-safe base64.
/// Only the SHA-256 of the secret is stored; a link is checked by finding the pulse by id and comparing hashes in
/// constant time, so neither a database copy nor the time a check takes gives a valid link away.
/// </summary>
public sealed class PulseToken
{
    public const int SecretBytes = 32;
    private const int IdBytes = 16;

    private PulseToken(Guid pulseId, byte[] secret)
    {
        PulseId = pulseId;
        Secret = secret;
    }

    public Guid PulseId { get; }

    private byte[] Secret { get; }

    public byte[] Hash => SHA256.HashData(Secret);

    public static PulseToken New(Guid pulseId) => new(pulseId, RandomNumberGenerator.GetBytes(SecretBytes));

    public override string ToString() =>
        Base64Url.EncodeToString(PulseId.ToByteArray()) + "." + Base64Url.EncodeToString(Secret);

    /// <summary>Reads a link's token; null for anything that is not one (never throws on what a visitor typed).</summary>
    public static PulseToken? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 100 || text.Split('.') is not [var id, var secret])
        {
            return null;
        }

        var idBytes = new byte[IdBytes];
        var secretBytes = new byte[SecretBytes];
        if (!Base64Url.IsValid(id) || !Base64Url.IsValid(secret)
            || !Base64Url.TryDecodeFromChars(id, idBytes, out var idLength) || idLength != IdBytes
            || !Base64Url.TryDecodeFromChars(secret, secretBytes, out var secretLength) || secretLength != SecretBytes)
        {
            return null;
        }

        return new PulseToken(new Guid(idBytes), secretBytes);
    }

    /// <summary>Whether this token's secret is the one whose hash was stored, compared in constant time.</summary>
    public bool Matches(byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash, storedHash);
}

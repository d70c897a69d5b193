namespace TrustAdvisor.Dataset;

/// <summary>
/// UUIDv7-shaped ids from a seeded generator: time-ordered like the app's own ids, and the same on every run.
/// </summary>
public sealed class SeededIds(Random random)
{
    public Guid At(DateTimeOffset time)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var milliseconds = time.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}

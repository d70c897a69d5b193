namespace TrustAdvisor.Domain.Clients;

/// <summary>The rules every name and label a person types about a client follows: trimmed, required or empty as null, bounded.</summary>
internal static class Text
{
    public static string Required(string? value, int maxLength, string what)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ArgumentException($"{what} is required.", nameof(value));
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new ArgumentException($"{what} is longer than {maxLength} characters.", nameof(value));
    }

    public static string? Optional(string? value, int maxLength, string what)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Required(trimmed, maxLength, what);
    }
}

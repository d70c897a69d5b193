namespace TrustAdvisor.Domain.Clients;

/// <summary>
/// A client of the firm: a company or public body whose people the firm's advisors have relationships with. One per
/// name across the firm (names compared trimmed and case-insensitive), so Acme's three contacts are one client.
/// </summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;
    public const int DomainMaxLength = 253;

    private Organisation()
    {
        Name = string.Empty;
        NormalizedName = string.Empty;
    }

    public Organisation(Guid id, string name, DateTime createdAtUtc, bool isDemo = false)
        : this()
    {
        Id = id;
        CreatedAt = createdAtUtc;
        IsDemo = isDemo;
        Rename(name);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>The name as two spellings of the same client share it: the unique key.</summary>
    public string NormalizedName { get; private set; }

    /// <summary>The organisation's web domain (acme.com), where its people's email addresses end: optional.</summary>
    public string? Domain { get; private set; }

    public bool IsDemo { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void Rename(string name)
    {
        Name = Text.Required(name, NameMaxLength, "The organisation's name");
        NormalizedName = Normalize(Name);
    }

    public void SetDomain(string? domain)
    {
        var trimmed = Text.Optional(domain, DomainMaxLength, "The organisation's web domain")?.ToLowerInvariant();
        Domain = trimmed is null || IsPlausibleDomain(trimmed)
            ? trimmed
            : throw new ArgumentException("The organisation's web domain is not a domain like acme.com.", nameof(domain));
    }

    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant();
    }

    /// <summary>A host name with at least one dot, letters, digits and hyphens only (acme.com, acme.co.uk).</summary>
    public static bool IsPlausibleDomain(string? value) =>
        value is { Length: > 0 and <= DomainMaxLength }
        && Uri.CheckHostName(value) == UriHostNameType.Dns
        && value.Contains('.', StringComparison.Ordinal)
        && value.Split('.').All(label => label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
}

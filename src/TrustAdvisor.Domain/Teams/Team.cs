namespace TrustAdvisor.Domain.Teams;

/// <summary>Advisors and their manager. A manager sees the team's relationships; nobody sees another team's.</summary>
public sealed class Team
{
    public const int NameMaxLength = 100;

    private Team()
    {
        Name = string.Empty;
    }

    public Team(Guid id, string name, DateTime createdAtUtc, bool isDemo = false)
    {
        Id = id;
        Name = Valid(name);
        CreatedAt = createdAtUtc;
        IsDemo = isDemo;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public bool IsDemo { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void Rename(string name) => Name = Valid(name);

    private static string Valid(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > NameMaxLength
            ? throw new ArgumentException($"A team needs a name of at most {NameMaxLength} characters.", nameof(name))
            : trimmed;
    }
}

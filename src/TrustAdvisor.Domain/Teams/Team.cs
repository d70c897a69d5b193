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
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > NameMaxLength)
        {
            throw new ArgumentException($"A team needs a name of at most {NameMaxLength} characters.", nameof(name));
        }

        Id = id;
        Name = trimmed;
        CreatedAt = createdAtUtc;
        IsDemo = isDemo;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public bool IsDemo { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

namespace TrustAdvisor.Domain.Clients;

/// <summary>
/// A person at a client organisation. Several advisors may each have a relationship with the same contact; what the
/// contact asked for (not to be asked for their view again) holds for all of them.
/// </summary>
public sealed class Contact
{
    public const int NameMaxLength = 200;
    public const int RoleMaxLength = 100;
    public const int EmailMaxLength = 254;

    private Contact()
    {
        Name = string.Empty;
    }

    public Contact(Guid id, Organisation organisation, string name, string? role, string? email, DateTime createdAtUtc)
        : this()
    {
        ArgumentNullException.ThrowIfNull(organisation);
        Id = id;
        Organisation = organisation;
        OrganisationId = organisation.Id;
        CreatedAt = createdAtUtc;
        Correct(name, role);
        SetEmail(email);
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Organisation Organisation { get; private set; } = null!;
    public string Name { get; private set; }
    public string? Role { get; private set; }

    /// <summary>Where the contact can be reached: optional, for sending them a pulse. It tells two people of the same name apart.</summary>
    public string? Email { get; private set; }

    /// <summary>When the contact answered "Don't ask me again": nobody asks them for their view again, by email or by link.</summary>
    public DateTime? OptedOutAt { get; private set; }

    public bool MayBeAsked => OptedOutAt is null;

    /// <summary>When the person was erased on their request: what identified them is gone, their scores stay as anonymous history.</summary>
    public DateTime? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    public DateTime CreatedAt { get; private set; }

    /// <summary>What an erased contact is called wherever their name was.</summary>
    public const string ErasedName = "Erased contact";

    /// <summary>A new spelling of the name or another role; who the person is stays the same.</summary>
    public void Correct(string name, string? role)
    {
        Name = Text.Required(name, NameMaxLength, "The contact's name");
        Role = Text.Optional(role, RoleMaxLength, "The contact's role");
    }

    /// <summary>Adds an address to a contact who had none; another address would be another person (see <see cref="ContactMatch"/>).</summary>
    public void SetEmail(string? email)
    {
        var trimmed = Text.Optional(email, EmailMaxLength, "The contact's email address");
        Email = trimmed is null || IsPlausibleEmail(trimmed)
            ? trimmed
            : throw new ArgumentException("The contact's email address is not valid.", nameof(email));
    }

    /// <summary>Forgets the person: name, role and address replaced; nobody asks them again. Cannot be undone.</summary>
    public void Erase(DateTime atUtc)
    {
        Name = ErasedName;
        Role = null;
        Email = null;
        OptedOutAt ??= atUtc;
        ErasedAt ??= atUtc;
    }

    /// <summary>The contact asked not to be asked again; the first time counts.</summary>
    public void OptsOut(DateTime atUtc) => OptedOutAt ??= atUtc;

    /// <summary>One address, name@domain, nothing around it.</summary>
    public static bool IsPlausibleEmail(string? value) =>
        value is not null && value.Length <= EmailMaxLength
        && System.Net.Mail.MailAddress.TryCreate(value, out var address)
        && address.Address == value && address.DisplayName.Length == 0 && address.Host.Contains('.', StringComparison.Ordinal);

    public static bool SameEmail(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

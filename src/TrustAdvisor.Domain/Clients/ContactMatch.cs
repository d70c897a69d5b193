namespace TrustAdvisor.Domain.Clients;

/// <summary>A contact as someone typed them: on a relationship's form or in an imported row.</summary>
public sealed record ContactDetails(string Name, string? Role, string? Email);

/// <summary>
/// Which person at an organisation a form or an imported row means. The email address tells people apart: the same
/// address is the same person, another address another person. Without an address, the same name is the same person,
/// as long as they have no address either (or they are the contact the relationship already has).
/// </summary>
public static class ContactMatch
{
    /// <summary>
    /// The contact the details name among the organisation's <paramref name="known"/> contacts, brought up to date with
    /// them, or a new one. <paramref name="current"/> is the relationship's contact when it is being edited: only then
    /// does an empty role or email clear what was there, since only then is the person who typed it editing that contact.
    /// </summary>
    public static Contact Choose(
        Organisation organisation, IReadOnlyCollection<Contact> known, ContactDetails typed, Contact? current, Guid newId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(typed);
        var email = string.IsNullOrWhiteSpace(typed.Email) ? null : typed.Email.Trim();
        var sameOrganisationCurrent = current is not null && current.OrganisationId == organisation.Id ? current : null;
        var found = Find(known, typed.Name, email, sameOrganisationCurrent);
        if (found is null)
        {
            return new Contact(newId, organisation, typed.Name, typed.Role, email, nowUtc);
        }

        if (ReferenceEquals(found, sameOrganisationCurrent))
        {
            found.Correct(typed.Name, typed.Role);
            found.SetEmail(email);
        }
        else
        {
            found.Correct(typed.Name, string.IsNullOrWhiteSpace(typed.Role) ? found.Role : typed.Role);
            if (found.Email is null)
            {
                found.SetEmail(email);
            }
        }

        return found;
    }

    /// <summary>The known contact the name and email mean, changing nothing; null for a new person.</summary>
    public static Contact? Find(IReadOnlyCollection<Contact> known, string name, string? email, Contact? current)
    {
        if (email is not null)
        {
            return known.FirstOrDefault(c => Contact.SameEmail(c.Email, email))
                ?? (current is { Email: null } && Contact.SameName(current.Name, name) ? current : null)
                ?? known.FirstOrDefault(c => c.Email is null && Contact.SameName(c.Name, name));
        }

        return current is not null && Contact.SameName(current.Name, name)
            ? current
            : known.FirstOrDefault(c => c.Email is null && Contact.SameName(c.Name, name));
    }
}

namespace TrustAdvisor.Domain.Calendars;

/// <summary>Who a calendar meeting was with: a contact known by their address, or only an organisation known by its web domain.</summary>
public sealed record MeetingMatch(Guid? ContactId, Guid OrganisationId);

/// <summary>
/// Decides whether a meeting was with a client, from its attendees' addresses: an attendee who is a contact of a
/// relationship the person may score makes it that contact's meeting (the first such attendee, in the event's order);
/// else an attendee at an organisation's web domain makes it that organisation's, and the person picks the contact
/// when scoring. Addresses compare without case; nothing else about the attendees is kept.
/// </summary>
public sealed class AttendeeMatch(
    IReadOnlyDictionary<string, (Guid Contact, Guid Organisation)> contactsByEmail, IReadOnlyDictionary<string, Guid> organisationsByDomain)
{
    public MeetingMatch? Find(IEnumerable<string> attendeeEmails)
    {
        ArgumentNullException.ThrowIfNull(attendeeEmails);
        var emails = attendeeEmails.Select(Normalize).OfType<string>().ToList();
        foreach (var email in emails)
        {
            if (contactsByEmail.TryGetValue(email, out var contact))
            {
                return new MeetingMatch(contact.Contact, contact.Organisation);
            }
        }

        foreach (var email in emails)
        {
            if (organisationsByDomain.TryGetValue(email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..], out var organisation))
            {
                return new MeetingMatch(null, organisation);
            }
        }

        return null;
    }

    /// <summary>"MAILTO:Jane@Acme.com" → "jane@acme.com"; null for what is not an address.</summary>
    public static string? Normalize(string? address)
    {
        var trimmed = address?.Trim();
        if (trimmed is null)
        {
            return null;
        }

        if (trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[7..];
        }

        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < trimmed.Length - 1 ? trimmed.ToLowerInvariant() : null;
    }
}

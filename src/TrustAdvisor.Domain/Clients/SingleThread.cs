namespace TrustAdvisor.Domain.Clients;

public enum SingleThreadReason
{
    /// <summary>Only one contact at the organisation has been scored.</summary>
    OnlyOneContact,

    /// <summary>One contact's T is far above every other's: the rest would not carry the client if they left.</summary>
    OneFarAhead,
}

/// <summary>
/// The single-threaded risk: all of a client's trust hangs on one contact, so if that person leaves the client is a
/// stranger again. A contact several advisors know counts once, at their strongest relationship.
/// </summary>
public sealed record SingleThread(Guid ContactId, SingleThreadReason Reason, double Trust, double? NextStrongest)
{
    /// <summary>How far ahead the strongest contact must be, as a multiple of the next strongest's T.</summary>
    public const double FarAheadRatio = 1.5;

    /// <summary>The risk among scored relationships, or null when trust is spread or nothing is scored yet.</summary>
    public static SingleThread? Of(IEnumerable<ThreadScore> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var byContact = scored.Where(r => r.Trust is not null)
            .GroupBy(r => r.ContactId)
            .Select(g => (Contact: g.Key, Trust: g.Max(r => r.Trust!.Value)))
            .OrderByDescending(c => c.Trust)
            .ToList();
        if (byContact.Count == 0)
        {
            return null;
        }

        var strongest = byContact[0];
        if (byContact.Count == 1)
        {
            return new SingleThread(strongest.Contact, SingleThreadReason.OnlyOneContact, strongest.Trust, null);
        }

        var next = byContact[1].Trust;
        return strongest.Trust >= next * FarAheadRatio
            ? new SingleThread(strongest.Contact, SingleThreadReason.OneFarAhead, strongest.Trust, next)
            : null;
    }
}

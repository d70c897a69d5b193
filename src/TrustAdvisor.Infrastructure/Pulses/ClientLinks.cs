using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Pulses;

/// <summary>
/// The one way a visitor without an account reaches a pulse: by its link's token. The visitor sees nothing through the
/// viewer's query filter (ADR 5), so this reads past it, and only returns a pulse whose stored hash the token's secret
/// matches (ADR 12). Anything else, a missing, tampered or spliced token alike, is null.
/// </summary>
public static class ClientLinks
{
    /// <summary>The pulse the token opens (tracked, to be answered), with the names the client page shows.</summary>
    public static async Task<ClientLink?> FindAsync(this TrustAdvisorDbContext db, PulseToken? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (token is null)
        {
            return null;
        }

        var found = await db.Pulses.IgnoreQueryFilters()
            .Where(p => p.Id == token.PulseId)
            .Select(p => new
            {
                Pulse = p,
                Archived = db.Relationships.IgnoreQueryFilters().Where(r => r.Id == p.RelationshipId).Select(r => r.ArchivedAt != null).First(),
                Advisor = db.Users.Where(u => u.Id == p.AdvisorId).Select(u => u.DisplayName).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return found is not null && token.Matches(found.Pulse.TokenHash)
            ? new ClientLink(found.Pulse, found.Advisor, found.Archived)
            : null;
    }

    /// <summary>Whether this pulse holds the answer sent with this form: the same form sent again is not a new answer.</summary>
    public static Task<bool> HoldsAnswerAsync(this TrustAdvisorDbContext db, Guid pulseId, Guid submissionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Pulses.IgnoreQueryFilters()
            .AnyAsync(p => p.Id == pulseId && p.Status == PulseStatus.Answered && p.SubmissionId == submissionId, cancellationToken);
    }
}

/// <summary>A pulse reached by its link, with who the client is asked about.</summary>
public sealed record ClientLink(Pulse Pulse, string AdvisorName, bool RelationshipArchived)
{
    public bool CanBeAnsweredAt(DateTime nowUtc) => !RelationshipArchived && Pulse.IsOpenAt(nowUtc);
}

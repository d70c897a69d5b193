using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.DemoData;

/// <summary>What the demo holds: its people, relationships, their assessments and pulses, and mail to its people.</summary>
public sealed record DemoContents(int People, int Relationships, int Assessments, int Pulses, int Mail)
{
    public bool IsEmpty => People == 0 && Relationships == 0;

    public override string ToString() =>
        $"{People} people, {Relationships} relationships, {Assessments} assessments, {Pulses} client links, {Mail} emails";
}

/// <summary>
/// Removes everything the demo brought (flagged IsDemo: the demo team, its people and relationships) and what hangs
/// from it, in one transaction. Refuses, removing nothing, when real work is tied to it: then removing the demo would
/// take someone's real assessments with it. Runs for an administrator, whose queries see every relationship.
/// </summary>
public static class DemoTeamRemoval
{
    public static async Task<DemoContents> CountAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var relationships = db.Relationships.Where(r => r.IsDemo).Select(r => r.Id);
        var people = db.Users.Where(u => u.IsDemo).Select(u => u.Id);
        return new DemoContents(
            await people.CountAsync(cancellationToken),
            await relationships.CountAsync(cancellationToken),
            await db.Assessments.CountAsync(a => relationships.Contains(a.RelationshipId), cancellationToken),
            await db.Pulses.CountAsync(p => relationships.Contains(p.RelationshipId), cancellationToken),
            await db.OutboxMessages.CountAsync(m => m.RecipientId != null && people.Contains(m.RecipientId.Value), cancellationToken));
    }

    /// <summary>Why the demo cannot be removed as it is, in words for an administrator; null when it can.</summary>
    public static async Task<string?> ObstacleAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var demoTeams = db.Teams.Where(t => t.IsDemo).Select(t => t.Id);
        var realPeopleInTeam = await db.Users.CountAsync(u => !u.IsDemo && demoTeams.Any(t => t == u.TeamId), cancellationToken);
        if (realPeopleInTeam > 0)
        {
            return $"{realPeopleInTeam} {(realPeopleInTeam == 1 ? "person who is" : "people who are")} not part of the demo "
                + "belong to the demo team. Nothing was removed.";
        }

        var demoPeople = db.Users.Where(u => u.IsDemo);
        var tied = await db.Relationships.Where(r => !r.IsDemo).CountAsync(
            r => demoTeams.Any(t => t == r.TeamId) || demoPeople.Any(u => u.Id == r.OwnerId)
                || db.Assessments.Any(a => a.RelationshipId == r.Id && demoPeople.Any(u => u.Id == a.AuthorId || u.Id == a.NoteAuthorId))
                || db.Pulses.Any(p => p.RelationshipId == r.Id && demoPeople.Any(u => u.Id == p.AdvisorId || u.Id == p.AskedById))
                || db.HandOffs.Any(h => h.RelationshipId == r.Id && demoPeople.Any(u => u.Id == h.FromOwnerId || u.Id == h.ToOwnerId || u.Id == h.ByUserId))
                || db.Commitments.Any(c => c.RelationshipId == r.Id && demoPeople.Any(u => u.Id == c.MadeById || u.Id == c.ClosedById))
                || db.RisksTaken.Any(t => t.RelationshipId == r.Id && demoPeople.Any(u => u.Id == t.TakenById))
                || db.RecoveryPlans.Any(p => p.RelationshipId == r.Id
                    && (demoPeople.Any(u => u.Id == p.OpenedById || u.Id == p.ClosedById) || db.RecoverySteps.Any(s => s.PlanId == p.Id && demoPeople.Any(u => u.Id == s.OwnerId)))),
            cancellationToken);
        return tied > 0
            ? $"{tied} real {(tied == 1 ? "relationship is" : "relationships are")} in the demo team or hold work of demo accounts "
                + "(scores, client links, hand-offs, commitments or recovery plans). Removing the demo would take that work with it. Nothing was removed."
            : null;
    }

    /// <summary>
    /// Removes the demo, all of it, and returns what it removed; or nothing, and says why (<see cref="ObstacleAsync"/>).
    /// </summary>
    public static async Task<(DemoContents? Removed, string? Obstacle)> RemoveAsync(TrustAdvisorDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var relationships = db.Relationships.Where(r => r.IsDemo).Select(r => r.Id);
        var people = db.Users.Where(u => u.IsDemo).Select(u => u.Id);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ObstacleAsync(db, cancellationToken) is { } obstacle)
        {
            return (null, obstacle);
        }

        var contents = await CountAsync(db, cancellationToken);
        await db.HandOffs.Where(h => relationships.Contains(h.RelationshipId)).ExecuteDeleteAsync(cancellationToken);
        await db.Pulses.Where(p => relationships.Contains(p.RelationshipId)).ExecuteDeleteAsync(cancellationToken);
        await db.RecoverySteps.Where(s => db.RecoveryPlans.Any(p => p.Id == s.PlanId && relationships.Contains(p.RelationshipId))).ExecuteDeleteAsync(cancellationToken);
        await db.RecoveryPlans.Where(p => relationships.Contains(p.RelationshipId)).ExecuteDeleteAsync(cancellationToken);
        await db.RisksTaken.Where(t => relationships.Contains(t.RelationshipId)).ExecuteDeleteAsync(cancellationToken);
        await db.Commitments.Where(c => relationships.Contains(c.RelationshipId)).ExecuteDeleteAsync(cancellationToken);
        await db.Assessments.Where(a => relationships.Contains(a.RelationshipId)).ExecuteDeleteAsync(cancellationToken);
        await db.Relationships.Where(r => r.IsDemo).ExecuteDeleteAsync(cancellationToken);
        // The demo's clients go unless a real relationship came to know them meanwhile.
        var demoOrganisations = db.Organisations.Where(o => o.IsDemo).Select(o => o.Id);
        await db.Contacts.Where(c => demoOrganisations.Contains(c.OrganisationId) && !db.Relationships.IgnoreQueryFilters().Any(r => r.ContactId == c.Id))
            .ExecuteDeleteAsync(cancellationToken);
        await db.Organisations.Where(o => o.IsDemo && !db.Contacts.Any(c => c.OrganisationId == o.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.OutboxMessages.Where(m => m.RecipientId != null && people.Contains(m.RecipientId.Value)).ExecuteDeleteAsync(cancellationToken);
        await db.MailPreferences.Where(p => people.Contains(p.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => people.Contains(c.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => people.Contains(l.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => people.Contains(t.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.UserSessions.Where(s => people.Contains(s.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.IsDemo).ExecuteDeleteAsync(cancellationToken);
        await db.Teams.Where(t => t.IsDemo).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (contents, null);
    }
}

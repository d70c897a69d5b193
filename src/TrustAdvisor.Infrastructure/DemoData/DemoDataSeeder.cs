using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Teams;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.DemoData;

public static class DemoDataSeeder
{
    public const string TeamName = "Harbour & Finch Advisory (demo)";

    /// <summary>
    /// Adds the demo team, its people (the published demo accounts and two more advisors) and its relationships
    /// with their history, when the database holds no relationship at all. Returns how many relationships it added.
    /// </summary>
    public static async Task<int> SeedIfEmptyAsync(
        TrustAdvisorDbContext db, UserManager<AppUser> users, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.Relationships.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Name == TeamName, cancellationToken);
        if (team is null)
        {
            team = new Team(Guid.CreateVersion7(), TeamName, now, isDemo: true);
            db.Teams.Add(team);
            await db.SaveChangesAsync(cancellationToken);
        }

        var advisors = await AccountSeeder.SeedDemoAccountsAsync(users, team.Id, now);
        var generated = new DemoTeamGenerator(DateOnly.FromDateTime(now), team.Id, advisors).Generate();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Relationships.AddRange(generated.Relationships);
        await db.SaveChangesAsync(cancellationToken);
        db.Assessments.AddRange(generated.Assessments);
        await db.SaveChangesAsync(cancellationToken);
        db.Pulses.AddRange(generated.Pulses);
        await db.SaveChangesAsync(cancellationToken);
        db.Commitments.AddRange(generated.Actions.Commitments);
        db.RisksTaken.AddRange(generated.Actions.Risks);
        db.RecoveryPlans.AddRange(generated.Actions.Plans);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return generated.Relationships.Count;
    }

    /// <summary>Deactivates every active demo account (their sessions end too); returns how many.</summary>
    public static async Task<int> DeactivateDemoAccountsAsync(UserManager<AppUser> users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var active = await users.Users.Where(u => u.IsDemo && u.IsActive).ToListAsync(cancellationToken);
        foreach (var person in active)
        {
            var result = await PeopleAdministration.SetActiveAsync(users, person, active: false);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not deactivate the demo account {person.Email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }

        return active.Count;
    }
}

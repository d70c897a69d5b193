using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Coaching;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Tests.Persistence;

/// <summary>
/// Issue 32's records as stored (not yet on any page): a commitment as it is kept, a risk once a meeting, one active
/// recovery plan a relationship with its steps, each seen only by those who see the relationship.
/// </summary>
public class ActingOnScoresTests(PostgresApp app) : ActingOnScores(app), IClassFixture<PostgresApp>;

/// <summary>The same on the embedded default.</summary>
public class SqliteActingOnScoresTests(SqliteApp app) : ActingOnScores(app), IClassFixture<SqliteApp>;

public abstract class ActingOnScores(AppFixture app)
{
    [Fact]
    public async Task Commitments_risks_and_plans_are_stored_as_made_and_seen_by_those_who_see_the_relationship()
    {
        var advisor = await app.CreatePersonAsync($"acting.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var relationship = await app.AddRelationshipAsync("Acting Client", owner: advisor);
        var meeting = await app.AddAssessmentAsync(relationship.Id, app.Today, new TrustFactors(7, 5, 6, 4));
        var commitment = Commitment.Make(Guid.CreateVersion7(), relationship.Id, meeting.LineageId, advisor.Id, "Send the draft by Friday", app.Today, app.Today.AddDays(4), app.Clock.Now.UtcDateTime);
        var plan = RecoveryPlan.Open(Guid.CreateVersion7(), relationship.Id, advisor.Id, Factor.Reliability, "You missed the audit deadline", app.Today.AddDays(30), app.Today);
        plan.AddStep(Guid.CreateVersion7(), "Call the CFO", advisor.Id, app.Today.AddDays(2));
        await app.QueryAsync(db =>
        {
            db.Commitments.Add(commitment);
            db.RisksTaken.Add(RiskTaken.In(Guid.CreateVersion7(), relationship.Id, meeting.LineageId, ConstructiveRisk.AdmittedNotKnowing, app.Today, advisor.Id));
            db.RecoveryPlans.Add(plan);
            return db.SaveChangesAsync();
        });

        await app.QueryAsync(async db =>
        {
            var kept = await db.Commitments.SingleAsync(c => c.Id == commitment.Id);
            kept.MarkKept(app.Today, advisor.Id, app.Today);
            return await db.SaveChangesAsync();
        });

        var stored = await app.QueryAsync(db => db.Commitments.AsNoTracking().SingleAsync(c => c.Id == commitment.Id));
        (stored.Status, stored.Promise, stored.ClosedOn).ShouldBe((CommitmentStatus.KeptOnTime, "Send the draft by Friday", (DateOnly?)app.Today));
        var storedPlan = await app.QueryAsync(db => db.RecoveryPlans.Include(p => p.Steps).AsNoTracking().SingleAsync(p => p.Id == plan.Id));
        storedPlan.Progress().ShouldBe("0 of 1 step done");

        var second = RecoveryPlan.Open(Guid.CreateVersion7(), relationship.Id, advisor.Id, Factor.Intimacy, "Another", app.Today.AddDays(30), app.Today);
        await Should.ThrowAsync<DbUpdateException>(() => app.QueryAsync(db =>
        {
            db.RecoveryPlans.Add(second);
            return db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<DbUpdateException>(() => app.QueryAsync(db =>
        {
            db.RisksTaken.Add(RiskTaken.In(Guid.CreateVersion7(), relationship.Id, meeting.LineageId, ConstructiveRisk.AdmittedNotKnowing, app.Today, advisor.Id));
            return db.SaveChangesAsync();
        }));

        var someoneElse = await app.CreatePersonAsync($"other.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var seen = await app.QueryAsync(async db =>
        {
            db.ViewerAccessor = new FixedViewerAccessor(new Viewer(someoneElse.Id, someoneElse.TeamId, UserRole.Advisor, SeesAll: false));
            return (await db.Commitments.AnyAsync(c => c.Id == commitment.Id), await db.RecoverySteps.AnyAsync(s => s.PlanId == plan.Id),
                await db.RisksTaken.AnyAsync(r => r.RelationshipId == relationship.Id));
        });
        seen.ShouldBe((false, false, false), "another advisor sees none of it");
    }
}

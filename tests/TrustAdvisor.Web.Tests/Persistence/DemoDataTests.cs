using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Infrastructure.DemoData;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Persistence;

public class DemoDataTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public void The_demo_has_clients_with_several_contacts_and_one_of_them_is_single_threaded()
    {
        var team = new DemoTeamGenerator(app.Today, app.Team.Id, [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]).Generate();
        var latest = team.Assessments.Where(a => a.SupersededAt is null).GroupBy(a => a.RelationshipId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.MeetingDate).ThenBy(a => a.LineageId).Last().Factors);
        var organisations = team.Relationships.GroupBy(r => r.Contact.Organisation).ToList();

        organisations.Select(o => o.Key.NormalizedName).Distinct().Count().ShouldBe(organisations.Count, "one organisation per name");
        var shared = organisations.Where(o => o.Select(r => r.ContactId).Distinct().Count() > 1).ToList();
        shared.Count.ShouldBe(3);
        shared.ShouldAllBe(o => o.Key.Domain != null && o.All(r => r.Contact.Email != null && r.Contact.Email.EndsWith("@" + o.Key.Domain, StringComparison.Ordinal)));
        shared.Count(o => OrganisationRollUp.Of(o.Select(r => new ThreadScore(r.Id, r.ContactId, latest[r.Id])).ToList()).SingleThread != null)
            .ShouldBe(1, "one client whose trust hangs on one contact, the others spread");
    }

    [Fact]
    public void The_demo_team_is_the_same_on_every_run()
    {
        var owners = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var first = new DemoTeamGenerator(app.Today, app.Team.Id, owners).Generate();
        var second = new DemoTeamGenerator(app.Today, app.Team.Id, owners).Generate();

        first.Relationships.Select(r => (r.Contact.Organisation.Name, r.Contact.Name, r.Stage))
            .ShouldBe(second.Relationships.Select(r => (r.Contact.Organisation.Name, r.Contact.Name, r.Stage)));
        first.Assessments.Select(a => (a.MeetingDate, a.Factors.Credibility, a.Factors.Reliability, a.Factors.Intimacy, a.Factors.SelfOrientation, a.Note))
            .ShouldBe(second.Assessments.Select(a => (a.MeetingDate, a.Factors.Credibility, a.Factors.Reliability, a.Factors.Intimacy, a.Factors.SelfOrientation, a.Note)));
    }

    [Fact]
    public void The_demo_team_has_months_of_history_and_a_correction_trail()
    {
        var owners = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var team = new DemoTeamGenerator(app.Today, app.Team.Id, owners).Generate();

        team.Relationships.Count.ShouldBeGreaterThanOrEqualTo(10);
        team.Relationships.ShouldAllBe(r => r.IsDemo);
        team.Assessments.Min(a => a.MeetingDate).ShouldBeLessThan(app.Today.AddMonths(-6));
        team.Assessments.ShouldAllBe(a => a.MeetingDate <= app.Today);
        team.Assessments.Count(a => a.Revision > 1).ShouldBe(2);
        team.Relationships.Count(r => r.NextReviewDate < app.Today).ShouldBeGreaterThan(0);
        team.Relationships.Select(r => r.OwnerId).Distinct().Count().ShouldBe(3);
        team.Assessments.ShouldAllBe(a => a.AuthorId == team.Relationships.Single(r => r.Id == a.RelationshipId).OwnerId);
    }

    [Fact]
    public void The_demo_clients_answer_pulses_and_the_first_advisor_is_lenient_the_second_severe()
    {
        var owners = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var team = new DemoTeamGenerator(app.Today, app.Team.Id, owners).Generate();

        var answered = team.Pulses.Where(p => p.Status == PulseStatus.Answered).ToList();
        answered.Count.ShouldBeGreaterThan(15);
        team.Pulses.Count(p => p.IsOpenAt(app.Clock.Now.UtcDateTime)).ShouldBe(2);
        team.Pulses.Count(p => p.Status == PulseStatus.Open && !p.IsOpenAt(app.Clock.Now.UtcDateTime)).ShouldBe(1);
        answered.ShouldAllBe(p => p.AnsweredOn <= app.Today);
        double MeanReliabilityGap(Guid owner) => answered.Where(p => p.AdvisorId == owner).Average(p =>
            team.Assessments.Where(a => a.RelationshipId == p.RelationshipId && a.IsCurrent && a.MeetingDate <= p.AnsweredOn)
                .OrderBy(a => a.MeetingDate).Last().Factors.Reliability - p.Reliability!.Value);
        MeanReliabilityGap(owners[0]).ShouldBeGreaterThan(1);
        MeanReliabilityGap(owners[1]).ShouldBeLessThan(-1);
    }

    [Fact]
    public void The_demo_team_keeps_most_promises_has_some_overdue_and_broken_a_few_risks_and_one_open_plan()
    {
        var owners = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var actions = new DemoTeamGenerator(app.Today, app.Team.Id, owners).Generate().Actions;

        var settled = Domain.Commitments.CommitmentEvidence.Between(actions.Commitments.Select(c => (c.Status, c.DueOn, c.ClosedOn)), app.Today.AddDays(-365), app.Today, app.Today);
        settled.Settled.ShouldBeGreaterThan(10);
        settled.Share!.Value.ShouldBeInRange(0.6, 0.95);
        actions.Commitments.Count(c => c.Status == Domain.Commitments.CommitmentStatus.Broken).ShouldBeGreaterThan(0);
        actions.Commitments.Count(c => c.MadeById == owners[0] && c.IsOverdue(app.Today)).ShouldBeGreaterThanOrEqualTo(2, "the published demo advisor sees overdue promises");
        actions.Risks.Count.ShouldBeGreaterThan(2);
        var plan = actions.Plans.ShouldHaveSingleItem();
        (plan.Status, plan.OpenedById).ShouldBe((Domain.Recovery.RecoveryPlanStatus.Open, owners[0]));
        plan.Steps.Count(s => s.DoneOn is not null).ShouldBe(1);
        plan.Steps.Count(s => s.IsOverdue(app.Today)).ShouldBe(1);
    }

    [Fact]
    public async Task Demo_data_goes_only_into_an_empty_database()
    {
        await app.AddRelationshipAsync("A real client");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var added = await DemoDataSeeder.SeedIfEmptyAsync(db, users, app.Clock);

        added.ShouldBe(0);
        (await db.Relationships.CountAsync(r => r.IsDemo)).ShouldBe(0);
    }

    [Fact]
    public async Task Demo_data_loads_into_an_empty_PostgreSQL_database()
    {
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        await using var factory = new TrustAdvisorFactory("Postgres", connectionString, demoData: true, app.Clock);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>();

        (await db.Relationships.CountAsync(r => r.IsDemo)).ShouldBe(14);
        (await db.Assessments.CountAsync()).ShouldBeGreaterThan(80);
        (await db.Pulses.CountAsync(p => p.Status == PulseStatus.Answered)).ShouldBeGreaterThan(15);
        (await DemoDataSeeder.SeedIfEmptyAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), app.Clock)).ShouldBe(0);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Admin.Teams;

/// <summary>An installation that started with the demo team, and has a team of its own besides.</summary>
public sealed class InstallWithDemo : PostgresApp
{
    protected override bool DemoData => true;
}

/// <summary>Each test removes (or tries to remove) the demo, so each has an installation of its own.</summary>
public class RemoveDemoTests
{
    private static async Task<T> WithInstallAsync<T>(Func<InstallWithDemo, Task<T>> test)
    {
        var app = new InstallWithDemo();
        await app.InitializeAsync();
        try
        {
            return await test(app);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public Task An_administrator_removes_the_demo_team_and_everything_it_holds_in_one_audited_step() => WithInstallAsync(async app =>
    {
        var ours = await app.AddRelationshipAsync("Our Own Client Ltd");
        await app.AddAssessmentAsync(ours.Id, app.Today, new TrustFactors(7, 7, 6, 3));
        var admin = await app.CreateClientAsync();

        var page = await admin.GetPageAsync("/Admin/Teams/RemoveDemo");
        page.QuerySelector(".demo-contents")!.TextContent.ShouldContain("relationships with");
        var response = await admin.SubmitAsync("/Admin/Teams/RemoveDemo", new Dictionary<string, string?>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Users.CountAsync(u => u.IsDemo))).ShouldBe(0);
        (await app.QueryAsync(db => db.Teams.CountAsync(t => t.IsDemo))).ShouldBe(0);
        (await app.QueryAsync(db => db.Relationships.CountAsync(r => r.IsDemo))).ShouldBe(0);
        (await app.QueryAsync(db => db.Assessments.CountAsync())).ShouldBe(1);
        (await app.QueryAsync(db => db.Pulses.CountAsync())).ShouldBe(0);
        (await app.CountAssessmentsAsync(ours.Id)).ShouldBe(1);
        var audit = await app.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Kind == AuditKind.DemoRemoved));
        audit.ActorId.ShouldBe(app.Admin.Id);
        audit.Detail.ShouldNotBeNull().ShouldContain("relationships");
        (await admin.GetPageAsync("/Admin/Teams")).QuerySelector("a[href='/Admin/Teams/RemoveDemo']").ShouldBeNull();
        return true;
    });

    [Fact]
    public Task Work_of_a_demo_account_on_a_real_relationship_stops_the_removal_and_nothing_is_removed() => WithInstallAsync(async app =>
    {
        var ours = await app.AddRelationshipAsync("Our Own Client Ltd");
        var demoAdmin = await app.QueryAsync(db => db.Users.SingleAsync(u => u.IsDemo && u.Role == UserRole.Administrator));
        await app.QueryAsync(async db =>
        {
            db.Assessments.Add(Assessment.Record(
                Guid.CreateVersion7(), ours.Id, demoAdmin.Id, new ScoredMeeting(app.Today, MeetingKind.Call, new TrustFactors(6, 6, 6, 4), null),
                app.Clock.Now.UtcDateTime, app.Today));
            return await db.SaveChangesAsync();
        });
        var before = await app.QueryAsync(db => db.Assessments.CountAsync());
        var admin = await app.CreateClientAsync();

        var response = await admin.SubmitAsync("/Admin/Teams/RemoveDemo", new Dictionary<string, string?>());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector(".form-alert")!.TextContent.ShouldContain("Nothing was removed.");
        (await app.QueryAsync(db => db.Assessments.CountAsync())).ShouldBe(before);
        (await app.QueryAsync(db => db.Users.CountAsync(u => u.IsDemo))).ShouldBeGreaterThanOrEqualTo(3);
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Kind == AuditKind.DemoRemoved))).ShouldBe(0);
        return true;
    });

    [Fact]
    public Task Only_administrators_remove_the_demo() => WithInstallAsync(async app =>
    {
        await app.CreatePersonAsync("manager@firm.test", UserRole.Manager);
        var manager = await app.CreateClientAsync("manager@firm.test");

        (await manager.GetAsync(new Uri("/Admin/Teams/RemoveDemo", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.QueryAsync(db => db.Relationships.CountAsync(r => r.IsDemo))).ShouldBeGreaterThan(0);
        return true;
    });
}

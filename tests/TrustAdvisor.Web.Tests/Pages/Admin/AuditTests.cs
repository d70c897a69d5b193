using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Admin;

public class AuditTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private Task<List<AuditEvent>> EventsAboutAsync(Guid subject) =>
        app.QueryAsync(db => db.AuditEvents.Where(e => e.SubjectId == subject).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Sign_ins_failed_and_succeeded_are_recorded_with_the_address_tried()
    {
        var person = await app.CreatePersonAsync($"audited.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var visitor = app.CreateAnonymousClient();

        await visitor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = person.Email, ["Password"] = "wrong password here" });
        await visitor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = person.Email, ["Password"] = AppFixture.Password });

        var events = await EventsAboutAsync(person.Id);
        events.Select(e => e.Kind).ShouldBe([AuditKind.SignInFailed, AuditKind.SignInSucceeded], ignoreOrder: true); // the tests' clock stands still
        events.Single(e => e.Kind == AuditKind.SignInSucceeded).Detail.ShouldBe(person.Email);
        events.Single(e => e.Kind == AuditKind.SignInFailed).Detail.ShouldBe($"{person.Email} (wrong password)");
        events.Single(e => e.Kind == AuditKind.SignInFailed).ActorId.ShouldBeNull();
        events.Single(e => e.Kind == AuditKind.SignInSucceeded).ActorId.ShouldBe(person.Id); // signed in by then
    }

    [Fact]
    public async Task Deactivation_is_recorded_with_who_did_it_and_administrators_can_read_the_log()
    {
        var person = await app.CreatePersonAsync($"leaver.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var admin = await app.CreateClientAsync();

        (await admin.SubmitAsync("/Admin/People/Index", new Dictionary<string, string?>(), $"form[action*='Deactivate'][action*='{person.Id}']"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var recorded = (await EventsAboutAsync(person.Id)).Single();
        recorded.Kind.ShouldBe(AuditKind.Deactivated);
        recorded.ActorId.ShouldBe(app.Admin.Id);
        var log = await admin.GetPageAsync("/Admin/Audit/Index");
        log.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ShouldContain(t => t.Contains("Deactivated", StringComparison.Ordinal) && t.Contains(person.DisplayName, StringComparison.Ordinal));
    }
}

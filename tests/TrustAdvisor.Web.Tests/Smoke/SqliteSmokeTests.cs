using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Smoke;

/// <summary>The main flow on the embedded default, end to end.</summary>
public class SqliteSmokeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_new_user_sees_the_demo_team()
    {
        var page = await (await app.CreateClientAsync()).GetPageAsync("/Relationships");

        page.QuerySelector(".demo-banner")!.TextContent.ShouldContain("Demo team.");
        page.QuerySelectorAll("table.relationships tbody tr .badge-demo").Length.ShouldBe(14);
        page.QuerySelectorAll(".badge-overdue").Length.ShouldBeGreaterThan(0);
        var details = await (await app.CreateClientAsync()).GetPageAsync(page.QuerySelector("table.relationships tbody a")!.GetAttribute("href")!);
        details.QuerySelectorAll(".history tbody tr").Length.ShouldBeGreaterThan(0);
        details.GetElementById("trust-chart-data").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_demo_accounts_and_they_work()
    {
        var visitor = app.CreateAnonymousClient();

        var page = await visitor.GetPageAsync("/Account/SignIn");

        var rows = page.QuerySelectorAll(".demo-accounts tbody tr");
        rows.Select(r => r.Children[0].TextContent).ShouldBe(["Advisor", "Manager", "Administrator"]);
        var seen = new Dictionary<string, int>();
        foreach (var (email, password, _, _) in TrustAdvisor.Infrastructure.Identity.AccountSeeder.DemoAccounts)
        {
            var client = app.CreateAnonymousClient();
            var response = await client.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, email);
            var list = await client.GetPageAsync("/");
            list.QuerySelector(".who")!.TextContent.ShouldEndWith("(demo)");
            list.QuerySelector(".attention-summary")!.TextContent.ShouldContain("need");
            seen[email] = list.QuerySelectorAll("table.relationships tbody tr .badge-demo").Length;
        }

        // The demo advisor owns a third of the demo team's relationships; the manager and administrator see them all.
        seen["advisor@demo.trustadvisor.test"].ShouldBe(5);
        seen["manager@demo.trustadvisor.test"].ShouldBe(14);
        seen["admin@demo.trustadvisor.test"].ShouldBe(14);
    }

    [Fact]
    public async Task Add_score_correct_and_read_the_history()
    {
        var client = await app.CreateClientAsync();
        var created = await client.SubmitAsync("/Relationships/Create", new Dictionary<string, string?>
        {
            ["Input.ClientOrganisation"] = "Smoke & Mirrors plc",
            ["Input.ContactName"] = "Ada Lovelace",
            ["Input.Stage"] = "Meet",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = created.Location().Split('/')[^1];

        var scored = await client.SubmitAsync($"/Relationships/Score/{id}", new Dictionary<string, string?>
        {
            ["Input.Credibility"] = "6",
            ["Input.Reliability"] = "5",
            ["Input.Intimacy"] = "4",
            ["Input.SelfOrientation"] = "5",
            ["Input.MeetingDate"] = app.Today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        scored.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var second = await client.SubmitAsync($"/Relationships/Score/{id}", new Dictionary<string, string?>
        {
            ["Input.Credibility"] = "7",
            ["Input.Reliability"] = "8",
            ["Input.Intimacy"] = "6",
            ["Input.SelfOrientation"] = "3",
        });
        var details = await client.GetPageAsync(second.Location());
        details.QuerySelector("[data-testid=latest-trust]")!.TextContent.ShouldBe("7.0");
        details.QuerySelector(".change-sentence")!.TextContent.ShouldBe("T rose from 3.0 to 7.0, mostly because self-orientation fell from 5 to 3.");

        var correctLink = details.QuerySelectorAll(".history tbody tr")[0].QuerySelector(".correct-link")!.GetAttribute("href")!;
        var corrected = await client.SubmitAsync(correctLink, new Dictionary<string, string?> { ["Reason"] = "S was 4", ["Input.SelfOrientation"] = "4" });
        corrected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetPageAsync(corrected.Location());
        after.QuerySelector("[data-testid=latest-trust]")!.TextContent.ShouldBe("5.3");
        after.QuerySelectorAll(".history tbody tr")[0].QuerySelector(".corrected")!.TextContent.ShouldContain("S was 4");
        var lineage = await app.QueryAsync(db => db.Assessments.Where(a => a.RelationshipId == Guid.Parse(id)).OrderBy(a => a.RecordedAt).Select(a => a.Trust).ToListAsync());
        lineage.ShouldBe([3.0, 7.0, 5.25]);
    }

    [Fact]
    public async Task The_client_answers_a_pulse_and_the_advisor_sees_the_gap_on_SQLite_too()
    {
        var advisor = await app.CreateClientAsync();
        var created = await advisor.SubmitAsync("/Relationships/Create", new Dictionary<string, string?>
        {
            ["Input.ClientOrganisation"] = "Pulse on Disk Ltd",
            ["Input.ContactName"] = "Grace Hopper",
            ["Input.ContactEmail"] = "grace@client.test",
            ["Input.Stage"] = "Maintain",
        });
        var id = Guid.Parse(created.Location().Split('/')[^1]);
        (await advisor.SubmitAsync($"/Relationships/Score/{id}", new Dictionary<string, string?>
        {
            ["Input.Credibility"] = "8",
            ["Input.Reliability"] = "8",
            ["Input.Intimacy"] = "8",
            ["Input.SelfOrientation"] = "2",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = await advisor.AskAsync(id);
        var client = app.CreateAnonymousClient();
        (await client.GetPageAsync(link)).QuerySelector("form.pulse-form button[type=submit]")!.TextContent.ShouldBe("Send");

        var (action, form) = await client.ReadFormAsync(link, "form.pulse-form");

        var refused = await client.SubmitAsync(link, ClientPulses.Answers(credibility: 11));
        var sent = await client.SubmitAsync(link, ClientPulses.Answers(5, 4, 5, 7, "Slow replies."));
        foreach (var (name, value) in ClientPulses.Answers(9, 9, 9, 9))
        {
            form[name] = value;
        }

        var replay = await client.PostFormAsync(action, form);

        (await HtmlForms.ParseAsync(refused)).FieldError("Credibility").ShouldNotBeNull();
        sent.Location().ShouldBe("/pulse/thanks");
        replay.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stored = await app.QueryAsync(db => db.Pulses.Where(p => p.RelationshipId == id)
            .Select(p => new { p.Status, p.Credibility, p.SelfOrientation, p.Comment }).ToListAsync());
        stored.ShouldHaveSingleItem().ShouldBe(new { Status = TrustAdvisor.Domain.Pulses.PulseStatus.Answered, Credibility = (int?)5, SelfOrientation = (int?)4, Comment = (string?)"Slow replies." });
        var details = await advisor.GetPageAsync($"/Relationships/Details/{id}");
        details.QuerySelector("table.history tr.client-view td.trust")!.TextContent.ShouldBe("3.5");
        details.QuerySelector("#client-view .gap-factors li")!.TextContent.ShouldBe("You rated credibility 8; Grace Hopper rated it 5.");
        var overview = await advisor.GetPageAsync("/");
        overview.QuerySelectorAll("table.relationships tbody tr").Single(r => r.TextContent.Contains("Pulse on Disk Ltd", StringComparison.Ordinal))
            .TextContent.ShouldContain("Blind spot");
        (await advisor.GetPageAsync("/TeamDashboard")).GetElementById("calibration").ShouldNotBeNull();
    }

    [Fact]
    public async Task Bad_input_is_refused_on_SQLite_too()
    {
        var relationshipId = await app.QueryAsync(db => db.Relationships.Select(r => r.Id).FirstAsync());
        var before = await app.CountAssessmentsAsync(relationshipId);

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Relationships/Score/{relationshipId}", new Dictionary<string, string?>
        {
            ["Input.Credibility"] = "7",
            ["Input.Reliability"] = "8",
            ["Input.Intimacy"] = "6",
            ["Input.SelfOrientation"] = "0",
        });

        (await HtmlForms.ParseAsync(response)).FieldError("SelfOrientation")!.ShouldContain("Self-orientation cannot be 0");
        (await app.CountAssessmentsAsync(relationshipId)).ShouldBe(before);
        var error = await Should.ThrowAsync<Microsoft.Data.Sqlite.SqliteException>(() => app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE assessments SET self_orientation = 0 WHERE relationship_id = {0}", relationshipId)));
        error.Message.ShouldContain("ck_assessments_self_orientation");
    }

    [Fact]
    public async Task A_restart_keeps_the_data_and_does_not_load_the_demo_again()
    {
        var relationships = await app.QueryAsync(db => db.Relationships.CountAsync());

        await using var restarted = new TrustAdvisorFactory("Sqlite", app.ConnectionString, demoData: true, app.Clock);
        await using var scope = restarted.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>();

        (await db.Relationships.CountAsync()).ShouldBe(relationships);
        (await db.Relationships.CountAsync(r => r.IsDemo)).ShouldBe(14);
    }
}

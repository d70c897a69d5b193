using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Commitments;

/// <summary>Settling a promise from the relationship's page: kept, broken or withdrawn, once, and reliability's evidence beside it.</summary>
public class SettleTests(PostgresApp app) : Settle(app), IClassFixture<PostgresApp>;

public class SqliteSettleTests(SqliteApp app) : Settle(app), IClassFixture<SqliteApp>;

public abstract class Settle(AppFixture app)
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<Commitment> StoredAsync(Guid id) => app.QueryAsync(db => db.Commitments.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Kept_today_from_the_relationship_page_counts_as_kept_on_time_beside_reliability()
    {
        var relationship = await app.AddRelationshipAsync();
        var commitment = await app.AddCommitmentAsync(relationship.Id, "Send the draft contract", dueInDays: 2);
        var client = await app.CreateClientAsync();
        var page = await client.GetPageAsync($"/Relationships/Details/{relationship.Id}");
        page.QuerySelector("[data-testid=open-commitments]")!.TextContent.ShouldContain("Send the draft contract");

        var response = await client.SubmitAsync($"/Relationships/Details/{relationship.Id}", new Dictionary<string, string?>(), $"#c-{commitment.Id} form");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Relationships/Details/{relationship.Id}#commitments");
        var after = await client.GetPageAsync(response.Location());
        after.QuerySelector(".flash")!.TextContent.ShouldContain("Marked kept on time: Send the draft contract");
        after.QuerySelector("[data-testid=open-commitments]").ShouldBeNull();
        after.QuerySelector("[data-testid=commitment-evidence]")!.TextContent.ShouldBe("None open. Reliability's evidence: 1 of 1 kept on time in the last 90 days.");
        after.QuerySelector("[data-testid=settled-commitments]")!.TextContent.ShouldContain("kept on time on");
        var stored = await StoredAsync(commitment.Id);
        (stored.Status, stored.ClosedOn, stored.ClosedById).ShouldBe((CommitmentStatus.KeptOnTime, (DateOnly?)app.Today, (Guid?)app.Admin.Id));
    }

    [Fact]
    public async Task Kept_after_its_due_day_is_kept_late_and_an_overdue_one_counts_against_the_evidence()
    {
        var relationship = await app.AddRelationshipAsync();
        var late = await app.AddCommitmentAsync(relationship.Id, "Call the auditors", madeDaysAgo: 20, dueInDays: -10);
        await app.AddCommitmentAsync(relationship.Id, "Send the minutes", madeDaysAgo: 20, dueInDays: -3);
        var client = await app.CreateClientAsync();

        var response = await client.SubmitAsync($"/Commitments/Settle/{late.Id}", new Dictionary<string, string?>
        {
            ["Input.Outcome"] = "Kept",
            ["Input.KeptOn"] = Iso(app.Today.AddDays(-2)),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredAsync(late.Id)).Status.ShouldBe(CommitmentStatus.KeptLate);
        var page = await client.GetPageAsync($"/Relationships/Details/{relationship.Id}");
        page.QuerySelector("[data-testid=commitment-evidence]")!.TextContent.ShouldContain("0 of 2 kept on time");
        page.QuerySelector("[data-testid=open-commitments] .badge-overdue")!.TextContent.ShouldBe("Overdue");
    }

    [Fact]
    public async Task Broken_and_withdrawn_are_kept_with_who_marked_them_and_why()
    {
        var relationship = await app.AddRelationshipAsync();
        var broken = await app.AddCommitmentAsync(relationship.Id, "Introduce the tax partner");
        var withdrawn = await app.AddCommitmentAsync(relationship.Id, "Book the workshop");
        var client = await app.CreateClientAsync();

        (await client.SubmitAsync($"/Commitments/Settle/{broken.Id}", new Dictionary<string, string?> { ["Input.Outcome"] = "Broken" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SubmitAsync($"/Commitments/Settle/{withdrawn.Id}", new Dictionary<string, string?>
        {
            ["Input.Outcome"] = "Withdrawn",
            ["Input.Reason"] = "They postponed the project",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await StoredAsync(broken.Id)).Status.ShouldBe(CommitmentStatus.Broken);
        var stored = await StoredAsync(withdrawn.Id);
        (stored.Status, stored.WithdrawnBecause).ShouldBe((CommitmentStatus.Withdrawn, "They postponed the project"));
        var page = await client.GetPageAsync($"/Relationships/Details/{relationship.Id}");
        page.QuerySelector("[data-testid=settled-commitments]")!.TextContent.ShouldContain("withdrawn on");
        page.QuerySelector("[data-testid=settled-commitments]")!.TextContent.ShouldContain("(They postponed the project)");
    }

    public static TheoryData<string?, string?, string?, string, string> BadInputs() => new()
    {
        { null, null, null, "Outcome", "Choose how it ended: kept, broken or withdrawn." },
        { "Maybe", null, null, "Outcome", "'Maybe' is not a valid value." },
        { "Kept", "", null, "KeptOn", "Give the day it was kept." },
        { "Kept", "not-a-date", null, "KeptOn", "'not-a-date' is not a valid value." },
        { "Kept", "2020-01-01", null, "KeptOn", "It cannot have been kept before it was made" },
        { "Kept", "2099-01-01", null, "KeptOn", "The day it was kept cannot be in the future." },
        { "Withdrawn", null, " ", "Reason", "Say why it was withdrawn" },
        { "Withdrawn", null, new string('r', 301), "Reason", "The reason can be at most 300 characters; this one has 301." },
        { "Withdrawn", null, "a\u0001b", "Reason", "The reason contains characters that cannot be stored" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_beside_its_field_and_changes_nothing(string? outcome, string? keptOn, string? reason, string errorFor, string message)
    {
        var relationship = await app.AddRelationshipAsync();
        var commitment = await app.AddCommitmentAsync(relationship.Id);

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Commitments/Settle/{commitment.Id}", new Dictionary<string, string?>
        {
            ["Input.Outcome"] = outcome,
            ["Input.KeptOn"] = keptOn,
            ["Input.Reason"] = reason,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.FieldError(errorFor).ShouldNotBeNull().ShouldContain(message);
        (await StoredAsync(commitment.Id)).Status.ShouldBe(CommitmentStatus.Open);
    }

    [Fact]
    public async Task Settling_twice_keeps_the_first_and_says_so()
    {
        var relationship = await app.AddRelationshipAsync();
        var commitment = await app.AddCommitmentAsync(relationship.Id);
        var client = await app.CreateClientAsync();
        var (action, fields) = await client.ReadFormAsync($"/Commitments/Settle/{commitment.Id}?outcome=Kept");
        fields["Input.Outcome"].ShouldBe("Kept"); // the reminder email's link starts from Kept

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostFormAsync(action, fields)));
        fields["Input.Outcome"] = "Broken";
        var broken = await client.PostFormAsync(action, fields);

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        broken.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync(broken.Location())).QuerySelector(".flash")!.TextContent.ShouldContain("already marked kept on time");
        (await StoredAsync(commitment.Id)).Status.ShouldBe(CommitmentStatus.KeptOnTime);
    }

    [Fact]
    public async Task An_archived_relationship_s_commitment_is_not_settled()
    {
        var relationship = await app.AddRelationshipAsync();
        var commitment = await app.AddCommitmentAsync(relationship.Id);
        var client = await app.CreateClientAsync();
        var (action, fields) = await client.ReadFormAsync($"/Commitments/Settle/{commitment.Id}");
        await app.QueryAsync(db => db.Relationships.Where(r => r.Id == relationship.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ArchivedAt, app.Clock.Now.UtcDateTime)));
        fields["Input.Outcome"] = "Broken";

        var response = await client.PostFormAsync(action, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("This relationship is archived");
        (await StoredAsync(commitment.Id)).Status.ShouldBe(CommitmentStatus.Open);
    }

    [Fact]
    public async Task Someone_who_may_not_see_the_relationship_finds_no_commitment()
    {
        var team = await app.CreateTeamAsync($"Elsewhere {Guid.NewGuid():N}");
        var outsider = await app.CreatePersonAsync($"outsider-{Guid.NewGuid():N}@tests.trustadvisor.test", UserRole.Advisor, team.Id);
        var relationship = await app.AddRelationshipAsync();
        var commitment = await app.AddCommitmentAsync(relationship.Id);
        var client = await app.CreateClientAsync(outsider.Email!);

        (await client.GetAsync($"/Commitments/Settle/{commitment.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (_, fields) = await client.ReadFormAsync("/Account/SignIn"); // a valid form token of the outsider's
        fields["Input.Outcome"] = "Broken";
        (await client.PostFormAsync($"/Commitments/Settle/{commitment.Id}", fields)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StoredAsync(commitment.Id)).Status.ShouldBe(CommitmentStatus.Open);
    }
}

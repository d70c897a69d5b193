using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Overview;

/// <summary>A promise to the client still open after its due day is a reason for attention on the advisor's overview.</summary>
public class OverdueCommitmentsTests(PostgresApp app) : OverdueCommitments(app), IClassFixture<PostgresApp>;

public class SqliteOverdueCommitmentsTests(SqliteApp app) : OverdueCommitments(app), IClassFixture<SqliteApp>;

public abstract class OverdueCommitments(AppFixture app)
{
    [Fact]
    public async Task Overdue_commitments_are_a_reason_and_ones_still_due_or_settled_are_not()
    {
        var email = $"advisor.{Guid.NewGuid():N}@overview.test";
        var advisor = await app.CreatePersonAsync(email, UserRole.Advisor, (await app.CreateTeamAsync($"Promises {Guid.NewGuid():N}")).Id);
        var late = await app.AddRelationshipAsync("Late Promise Ltd", owner: advisor);
        var onTrack = await app.AddRelationshipAsync("On Track Ltd", owner: advisor);
        foreach (var relationship in new[] { late, onTrack })
        {
            await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-10), new TrustFactors(8, 8, 8, 2));
        }

        await app.AddCommitmentAsync(late.Id, "Send the draft contract", madeDaysAgo: 10, dueInDays: -4, madeBy: advisor);
        await app.AddCommitmentAsync(late.Id, "Call the auditors", madeDaysAgo: 10, dueInDays: -1, madeBy: advisor);
        await app.AddCommitmentAsync(onTrack.Id, "Send the minutes", madeDaysAgo: 10, dueInDays: 0, madeBy: advisor);

        var page = await (await app.CreateClientAsync(email)).GetPageAsync("/");

        var rows = page.QuerySelectorAll("table.attention tbody tr")
            .ToDictionary(r => r.QuerySelector("th a")!.TextContent, r => string.Join(" | ", r.QuerySelectorAll(".alerts li").Select(li => li.TextContent)));
        rows["Late Promise Ltd"].ShouldBe("2 commitments to the client are overdue, the oldest since 18 Nov 2026. Keep them, or tell the client before they notice.");
        rows["On Track Ltd"].ShouldBeEmpty();
    }
}

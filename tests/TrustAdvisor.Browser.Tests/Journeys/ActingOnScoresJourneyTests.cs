using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using TrustAdvisor.Domain.Recovery;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Journeys;

/// <summary>
/// From a score to action, on a phone: a promise noted while scoring, kept from the relationship's page with its
/// evidence beside reliability; a manager opens a recovery plan for a slipping relationship and finds it on the dashboard.
/// </summary>
[Collection(BrowserGroup.Name)]
public class ActingOnScoresJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_advisor_notes_a_promise_while_scoring_and_marks_it_kept_from_the_relationship_page()
    {
        var promise = $"Send the draft contract {Guid.NewGuid():N}"[..32];
        await using var visit = await app.VisitAsync(Device.Phone, "commitment");
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInAsync(People.Advisor);
            var (score, client) = await v.FirstScoreButtonAsync();
            await v.TapAsync(score);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Score the meeting");
            await v.ScoreAsync("Credibility", 7);
            await v.ScoreAsync("Reliability", 6);
            await v.ScoreAsync("Intimacy", 6);
            await v.ScoreAsync("Self-orientation", 3);
            await v.TapAsync(page.GetByText("Add a commitment you made"));
            await v.TypeAsync(page.GetByLabel("Promise 1"), promise);
            await page.Locator("#Input_Commitments_0__DueOn").FillAsync(app.Clock.Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await v.SeeInLightAndDarkAsync("score-with-commitment");
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }));

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Commitment noted, due");
            await Expect(page.GetByTestId("coach-after-save")).ToContainTextAsync("Next time, work on");
            await Expect(page.GetByTestId("commitments-summary")).ToContainTextAsync("open");
            await v.TapAsync(page.GetByTestId("commitments-summary")); // a phone folds the commitments behind how they stand
            await Expect(page.GetByTestId("open-commitments")).ToContainTextAsync(promise);
            await v.SeeInLightAndDarkAsync("relationship-with-commitment");

            await v.TapAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Other outcome: {promise}" }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How did it end?");
            await v.SeeInLightAndDarkAsync("settle-commitment");
            await v.TapAsync(page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }));

            await v.TapAsync(page.GetByTestId("commitments-summary"));
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Kept today: {promise}" }));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Marked kept on time: {promise}");
            await Expect(page.GetByTestId("open-commitments").Filter(new() { HasText = promise })).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("reliability-evidence")).ToHaveTextAsync(new Regex(@"^\d+ of \d+ kept on time$"));
            await Expect(page.GetByTestId("commitment-evidence")).ToContainTextAsync("kept on time");
            await v.SeeAsync("commitment-kept");
        });

        var stored = await app.QueryAsync(db => db.Commitments.AsNoTracking().SingleAsync(c => c.Promise == promise));
        stored.Status.ShouldBe(Domain.Commitments.CommitmentStatus.KeptOnTime);
    }

    [Fact]
    public async Task A_manager_opens_a_recovery_plan_for_a_slipping_relationship_and_sees_it_on_the_dashboard()
    {
        var withPlans = (await app.QueryAsync(db => db.RecoveryPlans.AsNoTracking()
            .Where(p => p.Status == RecoveryPlanStatus.Draft || p.Status == RecoveryPlanStatus.Open).Select(p => p.RelationshipId).ToListAsync()))
            .Select(id => id.ToString()).ToList();
        await using var visit = await app.VisitAsync(Device.Phone, "recovery-plan");
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInAsync(People.Manager);
            await v.TapAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Team dashboard" }));
            await Expect(page.GetByTestId("plans-summary")).ToContainTextAsync("open");
            await v.SeeInLightAndDarkAsync("dashboard-with-plans");

            var slipping = page.GetByRole(AriaRole.Region, new() { Name = "Slipping relationships" }).Locator("tbody a[href^='/Relationships/Details/']");
            var hrefs = await slipping.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            var chosen = hrefs.First(h => !withPlans.Any(id => h.Contains(id, StringComparison.OrdinalIgnoreCase)));
            await v.GoToAsync(chosen);
            var client = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Replace("Demo", "", StringComparison.Ordinal).Trim();
            await v.TapAsync(page.GetByRole(AriaRole.Link, new() { Name = "Open a recovery plan" }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Open a recovery plan");
            await v.TypeAsync(page.GetByLabel("The problem, as the client would state it"), "We felt our questions waited behind your other clients.");
            await v.TypeAsync(page.Locator("#Input_Steps_0__What"), "Call the sponsor and agree a weekly check-in");
            await v.SeeInLightAndDarkAsync("open-plan-form");
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Open the plan" }));

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Recovery plan opened");
            await Expect(page.GetByTestId("problem")).ToHaveTextAsync("We felt our questions waited behind your other clients.");
            await v.SeeInLightAndDarkAsync("plan");

            await v.TapAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Team dashboard" }));
            await v.TapAsync(page.GetByTestId("plans-summary")); // a phone folds the plans behind how many are open
            await Expect(page.GetByTestId("open-plans")).ToContainTextAsync(client.Split(' ')[0]);
            await v.SeeAsync("dashboard-plan-listed");
        });
    }
}

using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests;

/// <summary>
/// Right after a meeting, from the home page to a saved assessment: at most two screens and eight taps or key
/// presses, with today's date and the last kind of meeting already chosen.
/// </summary>
[Collection(BrowserGroup.Name)]
public class AdvisorsMinuteTests(BrowserApp app)
{
    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task From_the_home_page_to_a_saved_assessment_takes_two_screens_and_at_most_eight_interactions(string deviceName)
    {
        await using var visit = await app.VisitAsync(Device.Named(deviceName), "advisors-minute");
        string client = "";
        var before = 0;
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInAsync(People.Advisor);
            (var scoreLink, client) = await v.FirstScoreButtonAsync();
            before = await app.CountAssessmentsAsync(client);
            v.PagesLoaded.Clear();
            var interactionsBefore = v.Interactions;

            await v.SeeAsync("home");
            await v.TapAsync(scoreLink);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Score the meeting");
            await Expect(page.GetByLabel("Meeting date")).ToHaveValueAsync(app.Clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            (await page.GetByRole(AriaRole.Radio, new() { Checked = true }).CountAsync()).ShouldBe(1, "the kind of meeting is chosen already");
            await v.SeeAsync("score-form");
            foreach (var factor in new[] { "Credibility", "Reliability", "Intimacy", "Self-orientation" })
            {
                var button = page.GetByRole(AriaRole.Radiogroup, new() { Name = factor, Exact = true }).GetByText("7", new() { Exact = true });
                var size = (await button.BoundingBoxAsync())!;
                (size.Width >= 44 && size.Height >= 44).ShouldBeTrue($"{factor}'s buttons are {size.Width}×{size.Height} px, less than 44 px");
            }

            await v.ScoreAsync("Credibility", 7);
            await v.ScoreAsync("Reliability", 8);
            await v.ScoreAsync("Intimacy", 6);
            await v.ScoreAsync("Self-orientation", 3);
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved. T is");

            // Screens: the home page, then the form; the page after it is the saved result.
            v.PagesLoaded.Count.ShouldBe(2, string.Join(", ", v.PagesLoaded));
            v.PagesLoaded[0].ShouldStartWith("/Relationships/Score/");
            v.PagesLoaded[1].ShouldStartWith("/Relationships/Details/");
            (v.Interactions - interactionsBefore).ShouldBeLessThanOrEqualTo(8);
            await v.SeeAsync("saved");
        });

        (await app.CountAssessmentsAsync(client)).ShouldBe(before + 1);
    }
}

using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests;

/// <summary>Scripts draw charts and keep scores on the phone offline: with JavaScript off (or failing to load) scoring works online as before.</summary>
[Collection(BrowserGroup.Name)]
public class WithoutJavaScriptTests(BrowserApp app)
{
    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task With_scripts_off_an_advisor_signs_in_scores_a_meeting_is_told_what_was_wrong_and_saves_it(string deviceName)
    {
        await using var visit = await app.VisitAsync(Device.Named(deviceName), "no-javascript", javaScript: false);
        var client = "";
        var before = 0;
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInAsync(People.Advisor);
            (var scoreLink, client) = await v.FirstScoreButtonAsync();
            before = await app.CountAssessmentsAsync(client);
            await v.TapAsync(scoreLink);

            await v.ScoreAsync("Credibility", 6);
            await v.ScoreAsync("Reliability", 6);
            await v.ScoreAsync("Intimacy", 6);
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }));
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved");
            await Expect(page.GetByRole(AriaRole.Radiogroup, new() { Name = "Self-orientation", Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
            await v.SeeAsync("rejected");
            (await app.CountAssessmentsAsync(client)).ShouldBe(before);

            await v.ScoreAsync("Self-orientation", 2);
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Saved\. T is (now )?9\.0"));
            await v.SeeAsync("saved");
        });

        (await app.CountAssessmentsAsync(client)).ShouldBe(before + 1);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Journeys;

/// <summary>An advisor's whole round: add a client, score the meeting from the home page, read the result, correct it.</summary>
[Collection(BrowserGroup.Name)]
public partial class AdvisorJourneyTests(BrowserApp app)
{
    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task An_advisor_adds_a_client_scores_the_meeting_sees_T_and_the_chart_corrects_it_and_signs_out(string deviceName)
    {
        var device = Device.Named(deviceName);
        var client = $"Journey {device} {Guid.NewGuid():N}"[..24];
        await using var visit = await app.VisitAsync(device, "advisor");
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInAsync(People.Advisor);
            await v.SeeAsync("home");

            await v.TapAsync(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Add relationship" }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Add a relationship");
            await v.SeeAsync("add-relationship");
            await v.TypeAsync(page.GetByLabel("Client organisation"), client);
            await v.TypeAsync(page.GetByLabel("Contact", new() { Exact = true }), "Priya Shah");
            await v.TypeAsync(page.GetByLabel("Contact's role"), "CFO");
            await page.GetByLabel("Stage").SelectOptionAsync(new SelectOptionValue { Label = "Establish" });
            await page.GetByLabel("Next review date").FillAsync(app.Clock.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add relationship" }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(client);
            await v.SeeAsync("relationship-added");

            await v.TapAsync(page.GetByRole(AriaRole.Link, new() { Name = "TrustAdvisor" }));
            await v.TapAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Score {client}" }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Score the meeting");
            await v.ScoreAsync("Credibility", 8);
            await v.ScoreAsync("Reliability", 7);
            await v.ScoreAsync("Intimacy", 6);
            await v.ScoreAsync("Self-orientation", 3);
            await v.SeeAsync("score-form-filled");
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }));

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved. T is 7.0");
            await Expect(page.GetByTestId("latest-trust")).ToHaveTextAsync("7.0");
            await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("Line chart of T") })).ToBeVisibleAsync();
            await ChartIsDrawnAsync(page);
            await v.SeeAsync("scored");

            await v.TapAsync(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Correct the assessment of") }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Correct");
            await v.TypeAsync(page.GetByLabel("Reason for the correction"), "Meant S 5");
            await v.ScoreAsync("Self-orientation", 5);
            await v.SeeAsync("correction");
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save correction" }));
            await Expect(page.GetByTestId("latest-trust")).ToHaveTextAsync("4.2");
            await Expect(page.GetByText("Meant S 5")).ToBeVisibleAsync();
            await v.SeeAsync("corrected");

            await v.SignOutAsync();
        });

        (await app.CountAssessmentsAsync(client)).ShouldBe(2); // the assessment and its correction, a revision
    }

    /// <summary>
    /// Waits until the chart's canvas has a painted pixel. Chart.js draws, then its resize observer sizes the canvas to
    /// the layout (which clears it) and draws again on the next frame, so one look can land in between: a single read
    /// failed now and then on the phone. Throws (failing the test) if nothing is drawn within Playwright's timeout.
    /// </summary>
    private static async Task ChartIsDrawnAsync(IPage page)
    {
        var drawn = await page.WaitForFunctionAsync("""
            () => {
                const canvas = document.getElementById('trust-chart');
                if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) return true; }
                return false;
            }
            """);
        (await drawn.JsonValueAsync<bool>()).ShouldBeTrue("the chart's canvas has been drawn on");
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests;

/// <summary>Everything with the keyboard alone, and form errors that a screen reader announces with the field.</summary>
[Collection(BrowserGroup.Name)]
public partial class KeyboardAndErrorsTests(BrowserApp app)
{
    [Fact]
    public async Task An_advisor_signs_in_and_scores_a_meeting_with_the_keyboard_alone_and_always_sees_where_the_focus_is()
    {
        await using var visit = await app.VisitAsync(Device.Desktop, "keyboard");
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            var (email, password) = People.Advisor;
            await v.GoToAsync("/");
            await TabToAsync(v, page.GetByLabel("Email"));
            await page.Keyboard.TypeAsync(email);
            await TabToAsync(v, page.GetByLabel("Password", new() { Exact = true }));
            await page.Keyboard.TypeAsync(password);
            await v.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your relationships", Level = 1 })).ToBeVisibleAsync();

            var (scoreLink, client) = await v.FirstScoreButtonAsync();
            var before = await app.CountAssessmentsAsync(client);
            await TabToAsync(v, scoreLink);
            await v.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Score the meeting");

            foreach (var (factor, score) in new[] { ("Credibility", 7), ("Reliability", 6), ("Intimacy", 5), ("Self-orientation", 2) })
            {
                var group = page.GetByRole(AriaRole.Radiogroup, new() { Name = factor, Exact = true });
                await TabToAsync(v, group.GetByRole(AriaRole.Radio).First);
                (await FocusIsVisibleAsync(page)).ShouldBeTrue($"the focused button of {factor} is outlined");
                for (var step = 1; step < score; step++)
                {
                    await v.PressAsync("ArrowRight");
                }

                await Expect(group.GetByRole(AriaRole.Radio, new() { Checked = true })).ToHaveAccessibleNameAsync(score.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await TabToAsync(v, page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }));
            await v.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex(@"Saved\. T is (now )?9\.0"));
            (await app.CountAssessmentsAsync(client)).ShouldBe(before + 1);
        });
    }

    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task A_rejected_score_says_nothing_was_saved_and_each_wrong_field_carries_its_message(string deviceName)
    {
        await using var visit = await app.VisitAsync(Device.Named(deviceName), "form-errors");
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInAsync(People.Advisor);
            var (scoreLink, client) = await v.FirstScoreButtonAsync();
            var before = await app.CountAssessmentsAsync(client);
            await v.TapAsync(scoreLink);
            await v.ScoreAsync("Credibility", 7);
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }));

            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved");
            var credibility = page.GetByRole(AriaRole.Radiogroup, new() { Name = "Credibility", Exact = true });
            await Expect(credibility).ToHaveAttributeAsync("aria-invalid", "false");
            await Expect(credibility.GetByRole(AriaRole.Radio, new() { Checked = true })).ToHaveAccessibleNameAsync("7");
            foreach (var factor in new[] { "Reliability", "Intimacy", "Self-orientation" })
            {
                var group = page.GetByRole(AriaRole.Radiogroup, new() { Name = factor, Exact = true });
                await Expect(group).ToHaveAttributeAsync("aria-invalid", "true");
                await Expect(group).ToHaveAccessibleDescriptionAsync(new Regex($"(?i)Score {Regex.Escape(factor)} from 1 to 10\\."));
            }

            await v.SeeAsync("score-rejected");
            (await app.CountAssessmentsAsync(client)).ShouldBe(before);

            await v.SignOutAsync();
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
            var emailField = page.GetByLabel("Email");
            await Expect(emailField).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(emailField).ToHaveAccessibleDescriptionAsync("Enter your email address.");
            await Expect(page.GetByLabel("Password", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("Enter your password.");
            await v.SeeAsync("sign-in-rejected");
        });
    }

    /// <summary>Presses Tab until the target has the focus, as a keyboard user moves through a page.</summary>
    private static async Task TabToAsync(Visit visit, ILocator target)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await visit.PressAsync("Tab");
        }

        throw new InvalidOperationException($"Tab never reached {target}.");
    }

    private static Task<bool> FocusIsVisibleAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
            const focused = document.activeElement;
            const shown = focused.type === 'radio' ? focused.nextElementSibling : focused;
            return getComputedStyle(shown).outlineStyle !== 'none' && focused.matches(':focus-visible');
        }
        """);
}

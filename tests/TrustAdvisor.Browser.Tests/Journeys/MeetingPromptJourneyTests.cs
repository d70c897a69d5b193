using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using TrustAdvisor.Infrastructure.DemoData;
using TrustAdvisor.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Journeys;

/// <summary>
/// After a meeting, on a phone: the app reads the demo advisor's calendar at its own address, emails them about an
/// ended client meeting through a real SMTP server, and the link in that email opens the score form with the meeting's
/// date filled in; two screens later it is saved and the meeting has left Meetings to score. An app of this test's own,
/// configured to mail to that server.
/// </summary>
[Collection(BrowserGroup.Name)]
public partial class MeetingPromptJourneyTests(BrowserApp app) : IAsyncLifetime
{
    private AppWithMail? _mail;

    [GeneratedRegex(@"https?://\S+(/Relationships/Score/[0-9a-f-]+\?meeting=([0-9a-f-]+))")]
    private static partial Regex ScoreLink();

    public async ValueTask InitializeAsync() => _mail = await AppWithMail.StartAsync();

    [Fact]
    public async Task The_advisor_opens_the_prompt_from_the_email_on_a_phone_scores_in_two_screens_and_the_meeting_leaves_the_list()
    {
        var prompt = await FirstPromptAsync();
        prompt.Subject.ShouldStartWith("You met ");
        var link = ScoreLink().Match(prompt.TextBody!);
        link.Success.ShouldBeTrue(prompt.TextBody);
        var meetingId = Guid.Parse(link.Groups[2].Value);
        var meetingDate = await QueryAsync(db => db.CalendarMeetings.Where(m => m.Id == meetingId).Select(m => m.StartsAt).SingleAsync());

        await using var visit = await app.VisitAsync(Device.Phone, "meeting-prompt", otherApp: _mail!.Address);
        await visit.RunAsync(async v =>
        {
            await v.SignInAsync(People.Advisor);
            await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Name = "Meetings to score" })).ToBeVisibleAsync();
            await Expect(v.Page.Locator($"a[href*='meeting={meetingId}']")).ToHaveCountAsync(1);
            await v.SeeAsync("meetings-to-score");
            v.PagesLoaded.Clear();

            await v.GoToAsync(link.Groups[1].Value);
            await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Score the meeting");
            await Expect(v.Page.GetByLabel("Meeting date")).ToHaveValueAsync(meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await v.SeeAsync("score-from-prompt");
            await v.ScoreAsync("Credibility", 7);
            await v.ScoreAsync("Reliability", 7);
            await v.ScoreAsync("Intimacy", 6);
            await v.ScoreAsync("Self-orientation", 3);
            await v.TapAsync(v.Page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }));
            await Expect(v.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved. T is");
            await Expect(v.Page.GetByText("from your calendar")).ToBeVisibleAsync();
            v.PagesLoaded.Count.ShouldBe(2, string.Join(", ", v.PagesLoaded));

            await v.GoToAsync("/");
            await Expect(v.Page.Locator($"a[href*='meeting={meetingId}']")).ToHaveCountAsync(0);
        });

        (await QueryAsync(db => db.CalendarMeetings.Where(m => m.Id == meetingId).Select(m => m.AssessmentId).SingleAsync())).ShouldNotBeNull();
    }

    /// <summary>The first prompt the app sent the demo advisor, once it has read the calendar it serves itself.</summary>
    private async Task<MimeKit.MimeMessage> FirstPromptAsync()
    {
        for (var attempt = 0; attempt < 6; attempt++)
        {
            if ((await _mail!.Smtp.WaitForAsync(DemoCalendar.AdvisorEmail)).FirstOrDefault(m => m.Subject?.StartsWith("You met ", StringComparison.Ordinal) == true) is { } prompt)
            {
                return prompt;
            }
        }

        throw new InvalidOperationException("No meeting prompt reached the demo advisor within a minute.");
    }

    private async Task<T> QueryAsync<T>(Func<TrustAdvisorDbContext, Task<T>> query)
    {
        await using var scope = _mail!.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_mail is not null)
        {
            await _mail.DisposeAsync();
        }
    }
}

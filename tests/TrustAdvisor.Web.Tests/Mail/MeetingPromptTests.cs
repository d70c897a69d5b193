using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Mail.MeetingPrompts;
using TrustAdvisor.Web.Tests.Calendars;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Mail;

/// <summary>
/// The email after a client meeting from the advisor's calendar: once per meeting, whichever instance runs it and
/// however the meeting is moved later; its link opens the score form filled in; not when prompts are off, and held to
/// working hours when asked.
/// </summary>
public partial class MeetingPromptTests(CalendarApp app) : IClassFixture<CalendarApp>
{
    private async Task<int> RunPromptsAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeetingPromptRun>().AddDueAsync(CancellationToken.None);
    }

    private async Task<int> RunFailingNoticesAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CalendarFailingMail>().AddDueAsync(CancellationToken.None);
    }

    private Task<List<OutboxMessage>> PromptsToAsync(string address) =>
        app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == address && m.Kind == MailKind.MeetingPrompt).OrderBy(m => m.Subject).ToListAsync());

    /// <summary>
    /// An advisor whose calendar is connected while it is still empty; <see cref="MeetAsync"/> then fills it. (The
    /// scheduler's own runs may send a prompt at any time after that: the tests look at the outbox, not at who sent it.)
    /// </summary>
    private async Task<CalendarSteps.Advisor> ConnectedAsync(string path)
    {
        var advisor = await app.AdvisorWithClientAsync();
        await CalendarSteps.ConnectAsync(advisor.Session, app.Calendars.Serve(path, Ics.Calendar()).AbsoluteUri);
        await app.ReadCalendarAsync(advisor.Person.Id);
        return advisor;
    }

    private async Task MeetAsync(CalendarSteps.Advisor advisor, string path, string withJaneStart = "20261121T100000Z", string withJaneEnd = "20261121T110000Z", string etag = "\"v2\"")
    {
        app.Calendars.Serve(path, CalendarSteps.Calendar(advisor, withJaneStart, withJaneEnd), etag);
        await app.ReadCalendarAsync(advisor.Person.Id);
    }

    [GeneratedRegex(@"https://trust\.example\.test/Relationships/Score/[0-9a-f-]+\?meeting=[0-9a-f-]+")]
    private static partial Regex ScoreLink();

    [Fact]
    public async Task Each_ended_client_meeting_is_emailed_once_even_by_two_instances_at_once_and_after_it_moved()
    {
        var path = $"/{Guid.NewGuid():N}/calendar.ics";
        var advisor = await ConnectedAsync(path);
        await MeetAsync(advisor, path);

        await Task.WhenAll(RunPromptsAsync(), RunPromptsAsync());

        var prompts = await PromptsToAsync(advisor.Person.Email!);
        prompts.Count.ShouldBe(2, "the meeting with the contact yesterday and the one with someone there this morning, once each");
        prompts.Select(p => p.Subject).ShouldBe([
            $"You met {advisor.Relationship.Contact.Name} of {advisor.Relationship.Contact.Organisation.Name}: score it now",
            $"You met someone at {advisor.Relationship.Contact.Organisation.Name}: score it now"]);
        prompts[0].TextBody.ShouldContain("Sat 21 Nov, 10:00–11:00");

        await MeetAsync(advisor, path, "20261121T130000Z", "20261121T140000Z", "\"v3\"");
        await RunPromptsAsync();
        (await PromptsToAsync(advisor.Person.Email!)).Count.ShouldBe(2, "moved, it is the same meeting, asked about once");

        await app.DeliverDueAsync();
        var mail = await app.Smtp.WaitForAsync(advisor.Person.Email!, 2);
        var link = ScoreLink().Match(mail.Select(m => m.TextBody ?? "").First(t => t.Contains(advisor.Relationship.Contact.Name, StringComparison.Ordinal))).Value;
        var form = await advisor.Session.GetPageAsync(new Uri(link).PathAndQuery);
        form.QuerySelector("[data-testid=from-calendar]").ShouldNotBeNull();
        form.QuerySelector("input[name='Input.Kind'][checked]")!.GetAttribute("value").ShouldBe("InPerson");
    }

    [Fact]
    public async Task Prompts_turned_off_send_nothing_and_held_to_working_hours_wait_for_monday()
    {
        var path = $"/{Guid.NewGuid():N}/calendar.ics";
        var advisor = await ConnectedAsync(path);
        var (action, fields) = await advisor.Session.ReadFormAsync(CalendarSteps.Page, "form[action*=Prompts]");
        fields.Remove("promptsOn");
        await advisor.Session.PostFormAsync(action, fields);

        await MeetAsync(advisor, path);
        await RunPromptsAsync();
        (await PromptsToAsync(advisor.Person.Email!)).ShouldBeEmpty("turned off");

        fields["promptsOn"] = "true";
        fields["workingHoursOnly"] = "true";
        await advisor.Session.PostFormAsync(action, fields);
        await RunPromptsAsync();
        (await PromptsToAsync(advisor.Person.Email!)).ShouldBeEmpty("Sunday");
        await app.Clock.WhileMovedAsync(TimeSpan.FromHours(23), RunPromptsAsync);
        (await PromptsToAsync(advisor.Person.Email!)).Count.ShouldBe(2, "Monday 09:00");
    }

    [Fact]
    public async Task A_calendar_that_cannot_be_read_for_a_day_is_told_once_with_why()
    {
        var advisor = await app.AdvisorWithClientAsync();
        await CalendarSteps.ConnectAsync(advisor.Session, new Uri(app.Calendars.Address, $"/{Guid.NewGuid():N}/unpublished.ics").AbsoluteUri);
        await app.ReadCalendarAsync(advisor.Person.Id);
        await RunFailingNoticesAsync();

        await app.Clock.WhileMovedAsync(TimeSpan.FromHours(25), async () =>
        {
            await app.ReadCalendarAsync(advisor.Person.Id);
            await Task.WhenAll(RunFailingNoticesAsync(), RunFailingNoticesAsync());
            await RunFailingNoticesAsync();
        });

        var notice = (await app.QueryAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.To == advisor.Person.Email && m.Kind == MailKind.CalendarFailing).ToListAsync())).ShouldHaveSingleItem();
        notice.Subject.ShouldBe("Your calendar could not be read for a day");
        notice.TextBody.ShouldContain("no calendar at this address");
        notice.TextBody.ShouldContain("https://trust.example.test/Account/ConnectCalendar");
    }
}

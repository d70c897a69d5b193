using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Web.Pages.Account;
using TrustAdvisor.Web.Tests.Calendars;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Account;

/// <summary>
/// Connecting a calendar by its secret address, read from a real HTTP server on loopback: the client meetings kept (and
/// nothing else of them), "not modified" and a moved meeting, every kind of failure in plain words, and disconnecting.
/// </summary>
public class ConnectCalendarTests(CalendarApp app) : IClassFixture<CalendarApp>
{
    private const string Page = CalendarSteps.Page;

    private Task<CalendarSteps.Advisor> AdvisorAsync() => app.AdvisorWithClientAsync();

    private static Task<HttpResponseMessage> ConnectAsync(HttpClient session, string address) => CalendarSteps.ConnectAsync(session, address);

    private Task ReadAsync(Guid userId) => app.ReadCalendarAsync(userId);

    private Task<List<CalendarMeeting>> MeetingsAsync(Guid userId) => app.MeetingsAsync(userId);

    private static string Calendar(CalendarSteps.Advisor advisor, string movedStart = "20261121T100000Z", string movedEnd = "20261121T110000Z") =>
        CalendarSteps.Calendar(advisor, movedStart, movedEnd);

    [Fact]
    public async Task A_connected_calendar_is_read_and_only_its_client_meetings_are_kept()
    {
        var advisor = await AdvisorAsync();
        var address = app.Calendars.Serve($"/{Guid.NewGuid():N}/calendar.ics", Calendar(advisor));

        var connected = await ConnectAsync(advisor.Session, address.AbsoluteUri);
        connected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await ReadAsync(advisor.Person.Id);

        var meetings = await MeetingsAsync(advisor.Person.Id);
        meetings.Select(m => (m.EventUid, m.ContactId, m.OrganisationId, m.Kind)).ShouldBe([
            ("with-jane", (Guid?)advisor.Relationship.ContactId, advisor.Relationship.Contact.OrganisationId, MeetingKind.InPerson),
            ("with-someone-there", null, advisor.Relationship.Contact.OrganisationId, MeetingKind.Call)]);
        var page = await advisor.Session.GetPageAsync(Page);
        page.QuerySelector("[data-testid=calendar-meetings-found]")!.TextContent.ShouldStartWith("2 ");
        var settings = await advisor.Session.GetPageAsync("/Account/Settings");
        settings.QuerySelector("[data-testid=calendar-status]")!.TextContent.ShouldMatch(@"^Connected: your calendar at 127\.0\.0\.1, last read .+, 2 client meetings found\.$");
        page.Body!.InnerHtml.ShouldNotContain(address.AbsolutePath, Case.Sensitive, "the address is a secret, shown to nobody, its owner too");
        (await app.QueryAsync(db => db.CalendarConnections.Where(c => c.UserId == advisor.Person.Id).Select(c => c.SealedAddress).SingleAsync()))
            .ShouldNotContain(address.AbsolutePath, Case.Sensitive, "sealed at rest");
    }

    [Fact]
    public async Task Read_again_an_unchanged_calendar_is_not_modified_and_a_moved_meeting_stays_one_meeting()
    {
        var advisor = await AdvisorAsync();
        var path = $"/{Guid.NewGuid():N}/calendar.ics";
        var address = app.Calendars.Serve(path, Calendar(advisor));
        await ConnectAsync(advisor.Session, address.AbsoluteUri);
        await ReadAsync(advisor.Person.Id);
        var first = await MeetingsAsync(advisor.Person.Id);

        await ReadAsync(advisor.Person.Id);
        app.Calendars.Requests.Where(r => r.Path == path).Last().IfNoneMatch.ShouldBe("\"v1\"");
        (await MeetingsAsync(advisor.Person.Id)).Select(m => (m.Id, m.StartsAt)).ShouldBe(first.Select(m => (m.Id, m.StartsAt)));

        app.Calendars.Serve(path, Calendar(advisor, "20261121T120000Z", "20261121T130000Z"), "\"v2\"");
        await ReadAsync(advisor.Person.Id);

        var moved = (await MeetingsAsync(advisor.Person.Id)).Single(m => m.EventUid == "with-jane");
        (moved.Id, moved.StartsAt).ShouldBe((first.Single(m => m.EventUid == "with-jane").Id, new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc)));
        (await MeetingsAsync(advisor.Person.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_meeting_gone_from_the_calendar_leaves_the_list_unless_it_was_scored()
    {
        var advisor = await AdvisorAsync();
        var path = $"/{Guid.NewGuid():N}/calendar.ics";
        await ConnectAsync(advisor.Session, app.Calendars.Serve(path, Calendar(advisor)).AbsoluteUri);
        await ReadAsync(advisor.Person.Id);
        var scored = (await MeetingsAsync(advisor.Person.Id)).Single(m => m.EventUid == "with-someone-there");
        await app.QueryAsync(db => db.CalendarMeetings.Where(m => m.Id == scored.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AssessmentId, Guid.CreateVersion7())));

        app.Calendars.Serve(path, Ics.Calendar(), "\"v2\"");
        await ReadAsync(advisor.Person.Id);

        (await MeetingsAsync(advisor.Person.Id)).Select(m => m.EventUid).ShouldBe(["with-someone-there"], "the one scored stays for its history");
    }

    [Theory]
    [InlineData("missing", "no calendar at this address")]
    [InlineData("error", "could not be reached")]
    [InlineData("html", "not a calendar")]
    [InlineData("malformed", "not a calendar")]
    [InlineData("large", "larger than 1 MB")]
    [InlineData("private", "private network")]
    [InlineData("slow", "took too long")]
    [InlineData("refused", "refused to give the calendar")]
    public async Task Each_failure_is_told_in_plain_words_and_keeps_nothing(string kind, string words)
    {
        var advisor = await AdvisorAsync();
        var path = $"/{Guid.NewGuid():N}/{kind}.ics";
        var address = kind switch
        {
            "missing" => new Uri(app.Calendars.Address, path),
            "error" => app.Calendars.Answer(path, context => { context.Response.StatusCode = 500; return Task.CompletedTask; }),
            "html" => app.Calendars.Answer(path, context => context.Response.WriteAsync("<!DOCTYPE html><html><body>Sign in to Outlook</body></html>")),
            "malformed" => app.Calendars.Serve(path, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261121T100000Z\r\n"),
            "large" => app.Calendars.Answer(path, async context => { context.Response.ContentLength = 2 * 1024 * 1024; await context.Response.Body.WriteAsync(new byte[2 * 1024 * 1024]); }),
            "private" => app.Calendars.Answer(path, context => { context.Response.Redirect("http://10.0.0.1/calendar.ics"); return Task.CompletedTask; }),
            "slow" => app.Calendars.Answer(path, async context => await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted)),
            _ => app.Calendars.Answer(path, context => { context.Response.StatusCode = 403; return Task.CompletedTask; }),
        };

        await ConnectAsync(advisor.Session, address.AbsoluteUri);
        await ReadAsync(advisor.Person.Id);

        var page = await advisor.Session.GetPageAsync(Page);
        page.QuerySelector(".calendar-status [role=alert]").ShouldNotBeNull(kind).TextContent.ShouldContain(words);
        (await MeetingsAsync(advisor.Person.Id)).ShouldBeEmpty();
        (await advisor.Session.GetPageAsync("/Account/Settings")).QuerySelector("[data-testid=calendar-status]")!.TextContent
            .ShouldContain("The last reading failed: " + CalendarReadErrors.Describe((await app.QueryAsync(db => db.CalendarConnections.SingleAsync(c => c.UserId == advisor.Person.Id))).LastError!.Value, 1));
    }

    [Fact]
    public async Task A_calendar_that_cannot_even_be_unsealed_is_reported_and_does_not_stop_the_others()
    {
        var broken = await AdvisorAsync();
        var working = await AdvisorAsync();
        await ConnectAsync(broken.Session, app.Calendars.Serve($"/{Guid.NewGuid():N}/calendar.ics", Calendar(broken)).AbsoluteUri);
        await ConnectAsync(working.Session, app.Calendars.Serve($"/{Guid.NewGuid():N}/calendar.ics", Calendar(working)).AbsoluteUri);
        await ReadAsync(broken.Person.Id);
        await ReadAsync(working.Person.Id);

        // As if sealed with Data Protection keys the installation has since lost; both due, the broken one first.
        var now = app.Clock.Now.UtcDateTime;
        await app.QueryAsync(db => db.CalendarConnections.Where(c => c.UserId == broken.Person.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.SealedAddress, "not-sealed-with-these-keys").SetProperty(c => c.NextReadAt, now.AddHours(-2)).SetProperty(c => c.LastReadAt, (DateTime?)null)));
        await app.QueryAsync(db => db.CalendarConnections.Where(c => c.UserId == working.Person.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.NextReadAt, now.AddHours(-1)).SetProperty(c => c.LastReadAt, (DateTime?)null)));
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CalendarSync>().ReadDueAsync(CancellationToken.None);
        }

        for (var attempt = 0; attempt < 300 && await app.QueryAsync(db => db.CalendarConnections.AnyAsync(
                 c => (c.UserId == broken.Person.Id || c.UserId == working.Person.Id) && c.LastReadAt == null)); attempt++)
        {
            await Task.Delay(100); // the scheduler's own run may have claimed one of them: it reads it the same way
        }

        var states = await app.QueryAsync(db => db.CalendarConnections.Where(c => c.UserId == broken.Person.Id || c.UserId == working.Person.Id)
            .ToDictionaryAsync(c => c.UserId, c => c.LastError));
        states[broken.Person.Id].ShouldBe(CalendarReadError.Unreachable);
        states[working.Person.Id].ShouldBeNull();
        (await MeetingsAsync(working.Person.Id)).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("", "Paste your calendar's secret address")]
    [InlineData("ftp://calendars.example/me.ics", "not a web address of a calendar")]
    [InlineData("my calendar", "not a web address of a calendar")]
    [InlineData("https://user:secret@calendars.example/me.ics", "not a web address of a calendar")]
    public async Task A_bad_address_is_refused_with_why_and_nothing_is_stored(string address, string message)
    {
        var advisor = await AdvisorAsync();

        var response = await ConnectAsync(advisor.Session, address);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.FieldError("Address").ShouldNotBeNull().ShouldContain(message);
        page.QuerySelector<IHtmlInputElement>("#Address")!.Value.ShouldBeEmpty("a secret is not put back into the page");
        (await app.QueryAsync(db => db.CalendarConnections.AnyAsync(c => c.UserId == advisor.Person.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task An_address_longer_than_any_calendar_s_is_refused()
    {
        var advisor = await AdvisorAsync();

        var page = await HtmlForms.ParseAsync(await ConnectAsync(advisor.Session, "https://calendars.example/" + new string('a', CalendarAddresses.MaxLength)));

        page.FieldError("Address").ShouldNotBeNull().ShouldContain("longer than");
    }

    [Fact]
    public async Task Disconnecting_deletes_every_meeting_read_from_the_calendar()
    {
        var advisor = await AdvisorAsync();
        await ConnectAsync(advisor.Session, app.Calendars.Serve($"/{Guid.NewGuid():N}/calendar.ics", Calendar(advisor)).AbsoluteUri);
        await ReadAsync(advisor.Person.Id);
        (await MeetingsAsync(advisor.Person.Id)).Count.ShouldBe(2);

        var (action, fields) = await advisor.Session.ReadFormAsync(Page, "form[action*=Disconnect]");
        (await advisor.Session.PostFormAsync(action, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await MeetingsAsync(advisor.Person.Id)).ShouldBeEmpty();
        (await app.QueryAsync(db => db.CalendarConnections.AnyAsync(c => c.UserId == advisor.Person.Id))).ShouldBeFalse();
        (await advisor.Session.GetPageAsync("/")).QuerySelector("[role=status]")?.TextContent.ShouldContain("2 meetings read from it are deleted");
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.DemoData;

namespace TrustAdvisor.Web.Tests.Calendars;

/// <summary>
/// The demo advisor's calendar, served by the app while demo data is on: client meetings with their own contacts (by
/// address and by the client's domain) yesterday and today, one to come, and lunch with a friend. Read end to end at
/// the app's own address by the browser test of prompts (Journeys/MeetingPromptJourneyTests).
/// </summary>
public class DemoCalendarTests(PostgresDemoApp app) : IClassFixture<PostgresDemoApp>
{
    [Fact]
    public async Task The_demo_calendar_is_served_to_anyone_and_its_meetings_are_with_the_demo_advisor_s_clients()
    {
        var response = await app.CreateAnonymousClient().GetAsync(DemoCalendar.Path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var now = app.Clock.Now.UtcDateTime;
        var occurrences = CalendarParser.Occurrences(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), now.AddDays(-2), now.AddDays(2));
        var theirContacts = await app.QueryAsync(db => db.Relationships.IgnoreQueryFilters()
            .Where(r => r.IsDemo && r.Contact.Email != null && db.Users.Any(u => u.Id == r.OwnerId && u.Email == DemoCalendar.AdvisorEmail))
            .Select(r => new { Email = r.Contact.Email!, r.Contact.Organisation.Domain }).ToListAsync());

        occurrences.Count(o => o.EndsAt <= now).ShouldBeGreaterThanOrEqualTo(1, "yesterday's meeting has ended");
        occurrences.Count(o => o.StartsAt > now).ShouldBeGreaterThanOrEqualTo(1);
        var clientMeetings = occurrences.Where(o => o.Attendees.Any(a => theirContacts.Any(c => c.Email == a || a.EndsWith("@" + c.Domain, StringComparison.Ordinal)))).ToList();
        clientMeetings.Select(o => o.Kind).Distinct().ShouldBe([MeetingKind.InPerson, MeetingKind.Video, MeetingKind.Call], ignoreOrder: true);
        occurrences.ShouldContain(o => o.Attendees.Contains("friend@elsewhere.example"), "a meeting that is not with a client");
        clientMeetings.ShouldContain(o => o.Attendees.All(a => a == DemoCalendar.AdvisorEmail || theirContacts.All(c => c.Email != a)), "one known by the client's domain alone");
    }
}

/// <summary>Without demo data there is no demo calendar.</summary>
public class NoDemoCalendarTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Without_demo_data_the_address_serves_nothing()
    {
        var response = await app.CreateAnonymousClient().GetAsync(DemoCalendar.Path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "no such page: a visitor is asked to sign in, as for any address");
        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/SignIn");
    }
}

using System.Net;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Calendar;

/// <summary>The personal calendar feed, read back with Ical.Net as a calendar program reads it.</summary>
public class FeedTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static async Task<Uri> AddressAsync(HttpClient person) =>
        new((await person.GetPageAsync("/Account/Settings")).GetElementById("calendar-address")!.GetAttribute("value")!);

    [Fact]
    public async Task The_feed_has_a_review_event_per_active_relationship_and_a_renewed_address_retires_the_old_one()
    {
        var advisor = await app.CreatePersonAsync($"calendar.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);
        var review = app.Today.AddDays(12);
        var kept = await app.AddRelationshipAsync("Calendar Client Ltd", owner: advisor, nextReview: review);
        var archived = await app.AddRelationshipAsync("Archived Client Ltd", owner: advisor);
        await app.QueryAsync(async db =>
        {
            (await db.Relationships.FindAsync(archived.Id))!.Archive(app.Clock.Now.UtcDateTime);
            return await db.SaveChangesAsync();
        });
        await app.AddRelationshipAsync("Someone Else's Ltd");
        var person = await app.CreateClientAsync(advisor.Email!);
        var address = await AddressAsync(person);

        var response = await app.CreateAnonymousClient().GetAsync(new Uri(address.PathAndQuery, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var feed = calendar.Events.ShouldHaveSingleItem();
        feed.Summary.ShouldBe("Review trust: Calendar Client Ltd, Priya Shah");
        feed.IsAllDay.ShouldBeTrue();
        DateOnly.FromDateTime(feed.DtStart!.Value).ShouldBe(review);
        feed.Url!.AbsolutePath.ShouldBe($"/Relationships/Score/{kept.Id}");

        (await person.SubmitAsync("/Account/Settings", new Dictionary<string, string?>(), "form[action*=RenewCalendar]")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var renewed = await AddressAsync(person);
        renewed.ShouldNotBe(address);
        (await app.CreateAnonymousClient().GetAsync(new Uri(address.PathAndQuery, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateAnonymousClient().GetAsync(new Uri(renewed.PathAndQuery, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_address_no_calendar_has_read_for_90_days_stops_working_until_renewed()
    {
        var advisor = await app.CreatePersonAsync($"calendar.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);
        var person = await app.CreateClientAsync(advisor.Email!);
        var address = new Uri((await AddressAsync(person)).PathAndQuery, UriKind.Relative);
        var started = app.Clock.Now;
        try
        {
            (await app.CreateAnonymousClient().GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.OK);
            app.Clock.Now = started.AddDays(89);
            (await app.CreateAnonymousClient().GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.OK); // read: the 90 days start again
            app.Clock.Now = started.AddDays(89 + 91);

            (await app.CreateAnonymousClient().GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

            person = await app.CreateClientAsync(advisor.Email!); // half a year on, the session has long ended
            (await person.GetPageAsync("/Account/Settings")).GetElementById("calendar")!.TextContent.ShouldContain("no calendar has read for 90 days");
            (await person.SubmitAsync("/Account/Settings", new Dictionary<string, string?>(), "form[action*=RenewCalendar]")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var renewed = new Uri((await AddressAsync(person)).PathAndQuery, UriKind.Relative);
            (await app.CreateAnonymousClient().GetAsync(renewed)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            app.Clock.Now = started;
        }
    }

    [Theory]
    [InlineData("/calendar/not-a-token.ics")]
    [InlineData("/calendar/CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")]
    public async Task A_made_up_or_tampered_address_is_not_found(string path) =>
        (await app.CreateAnonymousClient().GetAsync(new Uri(path, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
}

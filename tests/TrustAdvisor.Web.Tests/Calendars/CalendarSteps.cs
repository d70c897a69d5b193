using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Calendars;

/// <summary>The steps of the calendar tests: an advisor with a client, connecting their calendar, reading it.</summary>
internal static class CalendarSteps
{
    public const string Page = "/Account/ConnectCalendar";

    public sealed record Advisor(AppUser Person, HttpClient Session, Relationship Relationship, string ContactEmail, string Domain);

    /// <summary>An advisor with one client: a contact with an address, at an organisation with a web domain.</summary>
    public static async Task<Advisor> AdvisorWithClientAsync(this AppFixture app)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var person = await app.CreatePersonAsync($"advisor.{tag}@firm.test", UserRole.Advisor);
        var relationship = await app.AddRelationshipAsync($"Acme {tag}", owner: person);
        var (email, domain) = ($"jane@acme-{tag}.example", $"acme-{tag}.example");
        await app.QueryAsync(db => db.Contacts.Where(c => c.Id == relationship.ContactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Email, email)));
        await app.QueryAsync(db => db.Organisations.Where(o => o.Id == relationship.Contact.OrganisationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Domain, domain)));
        return new Advisor(person, await app.CreateClientAsync(person.Email!), relationship, email, domain);
    }

    public static async Task<HttpResponseMessage> ConnectAsync(HttpClient session, string address)
    {
        var (action, fields) = await session.ReadFormAsync(Page, "form[action*=Connect]");
        fields["Address"] = address;
        return await session.PostFormAsync(action, fields);
    }

    /// <summary>Reads the person's calendar now, as the job does (whichever of it and this test claims it first).</summary>
    public static async Task ReadCalendarAsync(this AppFixture app, Guid userId)
    {
        await app.QueryAsync(db => db.CalendarConnections.Where(c => c.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextReadAt, app.Clock.Now.UtcDateTime.AddMinutes(-1)).SetProperty(c => c.LastReadAt, (DateTime?)null)));
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CalendarSync>().ReadDueAsync(CancellationToken.None);
        }

        for (var attempt = 0; attempt < 300 && await app.QueryAsync(db => db.CalendarConnections.AnyAsync(c => c.UserId == userId && c.LastReadAt == null)); attempt++)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>A calendar connection (its address a stand-in: nothing reads it before the next hour) for tests that add meetings themselves.</summary>
    public static Task AddCalendarConnectionAsync(this AppFixture app, Guid userId) => app.QueryAsync(db =>
    {
        db.CalendarConnections.Add(new CalendarConnection
        {
            UserId = userId,
            SealedAddress = "sealed",
            Host = "calendars.example",
            ConnectedAt = app.Clock.Now.UtcDateTime.AddDays(-5),
            NextReadAt = app.Clock.Now.UtcDateTime.AddHours(1),
        });
        return db.SaveChangesAsync();
    });

    /// <summary>A client meeting of an hour found in the person's calendar, with the relationship's contact or only its organisation.</summary>
    public static async Task<CalendarMeeting> AddMeetingAsync(
        this AppFixture app, Guid userId, Relationship relationship, DateTime startsAt, bool knownContact = true, MeetingKind kind = MeetingKind.Video)
    {
        var meeting = new CalendarMeeting
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            EventUid = Guid.NewGuid().ToString(),
            StartsAt = startsAt,
            EndsAt = startsAt.AddHours(1),
            ContactId = knownContact ? relationship.ContactId : null,
            OrganisationId = relationship.Contact.OrganisationId,
            Kind = kind,
            ChangeHash = "h",
            FoundAt = startsAt.AddDays(-1),
        };
        await app.QueryAsync(db =>
        {
            db.CalendarMeetings.Add(meeting);
            return db.SaveChangesAsync();
        });
        return meeting;
    }

    public static Task<List<CalendarMeeting>> MeetingsAsync(this AppFixture app, Guid userId) =>
        app.QueryAsync(db => db.CalendarMeetings.Where(m => m.UserId == userId).OrderBy(m => m.StartsAt).AsNoTracking().ToListAsync());

    /// <summary>
    /// Three meetings around the tests' clock (Sunday 22 November 2026, 10:00 UTC): with the contact yesterday, with
    /// someone else at the client this morning (known by the domain), and with a stranger.
    /// </summary>
    public static string Calendar(Advisor advisor, string withJaneStart = "20261121T100000Z", string withJaneEnd = "20261121T110000Z") => Ics.Calendar(
        Ics.Event("with-jane", withJaneStart, withJaneEnd, null, Ics.Attendee(advisor.Person.Email!), Ics.Attendee(advisor.ContactEmail.ToUpperInvariant()), "LOCATION:Their office"),
        Ics.Event("with-someone-there", "20261122T080000Z", "20261122T090000Z", null, Ics.Attendee($"new.person@{advisor.Domain}")),
        Ics.Event("with-a-stranger", "20261121T150000Z", "20261121T160000Z", null, Ics.Attendee("friend@elsewhere.example")));
}

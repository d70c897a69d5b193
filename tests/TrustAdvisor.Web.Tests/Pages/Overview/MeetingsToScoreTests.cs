using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Calendars;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Overview;

/// <summary>
/// Client meetings from the person's calendar on the home page: the ended ones to score, scored from the prompt with
/// the date and kind filled in (and the history saying so), or dismissed; another person's meeting does nothing.
/// </summary>
public class MeetingsToScoreTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    /// <summary>An advisor with a client and (unless told otherwise) a connected calendar, whose meetings the tests add.</summary>
    private async Task<(AppUser Advisor, HttpClient Session, Relationship Relationship)> AdvisorAsync(bool connected = true)
    {
        var advisor = await app.CreatePersonAsync($"advisor.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var relationship = await app.AddRelationshipAsync($"Met Client {Guid.NewGuid():N}"[..20], owner: advisor);
        if (connected)
        {
            await app.AddCalendarConnectionAsync(advisor.Id);
        }

        return (advisor, await app.CreateClientAsync(advisor.Email!), relationship);
    }

    private Task<CalendarMeeting> MeetingAsync(AppUser advisor, Relationship relationship, DateTime startsAt, bool knownContact = true, MeetingKind kind = MeetingKind.Video) =>
        app.AddMeetingAsync(advisor.Id, relationship, startsAt, knownContact, kind);

    private DateTime HoursAgo(double hours) => app.Clock.Now.UtcDateTime.AddHours(-hours);

    [Fact]
    public async Task An_ended_client_meeting_is_asked_about_and_scored_from_the_prompt_with_its_date_and_kind()
    {
        var (advisor, session, relationship) = await AdvisorAsync();
        var ended = await MeetingAsync(advisor, relationship, HoursAgo(26));
        await MeetingAsync(advisor, relationship, HoursAgo(0.5)); // still going on
        await MeetingAsync(advisor, relationship, HoursAgo(80)); // more than two days ago

        var home = await session.GetPageAsync("/");
        home.QuerySelector("[data-testid=meeting-habit]")!.TextContent.ShouldContain("within two days, last 30 days: 0 of 1 (0%)", Case.Sensitive, "the meeting of yesterday is still open");

        var prompt = home.QuerySelectorAll("[data-testid=meeting-to-score]").ShouldHaveSingleItem();
        prompt.TextContent.ShouldContain(relationship.Contact.Name);
        prompt.TextContent.ShouldContain("Sat 21 Nov, 08:00–09:00");
        var scoreLink = prompt.QuerySelector("a.button")!.GetAttribute("href")!;
        scoreLink.ShouldBe($"/Relationships/Score/{relationship.Id}?meeting={ended.Id}");

        var form = await session.GetPageAsync(scoreLink);
        form.GetElementById("Input_MeetingDate")!.GetAttribute("value").ShouldBe("2026-11-21");
        form.QuerySelector("input[name='Input.Kind'][checked]")!.GetAttribute("value").ShouldBe("Video");
        var response = await session.SubmitAsync(scoreLink, new Dictionary<string, string?>
        {
            ["Input.Credibility"] = "7",
            ["Input.Reliability"] = "7",
            ["Input.Intimacy"] = "6",
            ["Input.SelfOrientation"] = "3",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var lineage = await app.QueryAsync(db => db.Assessments.Where(a => a.RelationshipId == relationship.Id).Select(a => a.LineageId).SingleAsync());
        (await app.QueryAsync(db => db.CalendarMeetings.Where(m => m.Id == ended.Id).Select(m => m.AssessmentId).SingleAsync())).ShouldBe(lineage);
        (await session.GetPageAsync("/")).QuerySelector("[data-testid=meeting-to-score]").ShouldBeNull("scored: it leaves the list");
        (await session.GetPageAsync($"/Relationships/Details/{relationship.Id}")).QuerySelector(".from-calendar")!.TextContent.ShouldBe("from your calendar");
        (await session.GetPageAsync("/")).QuerySelector("[data-testid=meeting-habit]")!.TextContent.ShouldContain("1 of 2 (50%)");
    }

    [Fact]
    public async Task A_meeting_known_only_by_the_organisation_offers_each_relationship_there_and_can_be_dismissed()
    {
        var (advisor, session, relationship) = await AdvisorAsync();
        var meeting = await MeetingAsync(advisor, relationship, HoursAgo(3), knownContact: false);

        var prompt = (await session.GetPageAsync("/")).QuerySelector("[data-testid=meeting-to-score]")!;
        prompt.QuerySelector("a.button")!.TextContent.ShouldBe($"Score with {relationship.Contact.Name}");

        var (action, fields) = await session.ReadFormAsync("/", "form[action*=DismissMeeting]");
        (await session.PostFormAsync(action, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.QueryAsync(db => db.CalendarMeetings.Where(m => m.Id == meeting.Id).Select(m => m.DismissedAt).SingleAsync())).ShouldNotBeNull();
        (await session.GetPageAsync("/")).QuerySelector("[data-testid=meeting-to-score]").ShouldBeNull();
    }

    [Fact]
    public async Task Another_person_s_meeting_is_neither_dismissed_nor_used_to_fill_a_form()
    {
        var (advisor, _, relationship) = await AdvisorAsync();
        var meeting = await MeetingAsync(advisor, relationship, HoursAgo(3), kind: MeetingKind.Call);
        var (_, someoneElse, _) = await AdvisorAsync(connected: false);
        var (_, tokenForm) = await someoneElse.ReadFormAsync("/Account/SignIn");

        (await someoneElse.PostFormAsync($"/?handler=DismissMeeting&meeting={meeting.Id}", tokenForm)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var theirHome = await someoneElse.GetPageAsync("/");
        theirHome.QuerySelector("[role=status]")!.TextContent.ShouldContain("no longer on your list");
        theirHome.QuerySelector("[data-testid=meeting-habit]")!.TextContent.ShouldContain("No calendar connected", Case.Sensitive, "shown as such, not as zero");
        (await app.QueryAsync(db => db.CalendarMeetings.Where(m => m.Id == meeting.Id).Select(m => m.DismissedAt).SingleAsync())).ShouldBeNull();

        var admin = await app.CreateClientAsync();
        var form = await admin.GetPageAsync($"/Relationships/Score/{relationship.Id}?meeting={meeting.Id}");
        form.QuerySelector("[data-testid=from-calendar]").ShouldBeNull("not the administrator's meeting: an ordinary form");
        form.QuerySelector("input[name='Input.Kind'][checked]")!.GetAttribute("value").ShouldNotBe("Call");
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Admin.Contacts;

/// <summary>A contact's access request (everything held, as JSON) and request to be forgotten (erased, the scores kept anonymous).</summary>
public class DetailsTests(MailApp app) : IClassFixture<MailApp>
{
    /// <summary>A contact with an address, a note naming them, an answered pulse with a comment, and an emailed pulse.</summary>
    private async Task<(Guid Contact, Guid Relationship, string Email)> ContactWithHistoryAsync()
    {
        var relationship = await app.AddRelationshipAsync($"Held {Guid.NewGuid():N}"[..16]);
        var email = $"priya.{Guid.NewGuid():N}@client.test";
        await app.QueryAsync(db => db.Contacts.Where(c => c.Id == relationship.ContactId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Email, email)));
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-20), new TrustFactors(6, 6, 5, 4), "Lunch with Priya Shah; she worries about the audit.");
        await app.AddAnsweredPulseAsync(relationship, app.Today.AddDays(-10), new ClientAnswers(7, 6, 5, 8), "Good work, but slow to reply.");
        var session = await app.CreateClientAsync();
        (await session.SubmitAsync($"/Relationships/Ask/{relationship.Id}", new Dictionary<string, string?>(), "form[action*=Email]")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (relationship.ContactId, relationship.Id, email);
    }

    [Fact]
    public async Task An_administrator_finds_the_contact_and_downloads_everything_held()
    {
        var (contact, _, email) = await ContactWithHistoryAsync();
        var session = await app.CreateClientAsync();

        var found = await session.GetPageAsync($"/Admin/Contacts?q={Uri.EscapeDataString(email.ToUpperInvariant())}");
        found.QuerySelector("table.contacts a")!.GetAttribute("href").ShouldBe($"/Admin/Contacts/Details/{contact}");
        var export = await session.GetAsync(new Uri($"/Admin/Contacts/Details/{contact}?handler=Export", UriKind.Relative));

        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        var root = json.RootElement;
        (root.GetProperty("name").GetString(), root.GetProperty("email").GetString()).ShouldBe(("Priya Shah", email));
        var held = root.GetProperty("relationships")[0];
        held.GetProperty("pulses").EnumerateArray().Select(p => p.GetProperty("comment").GetString()).ShouldContain("Good work, but slow to reply.");
        held.GetProperty("notesNamingThem")[0].GetProperty("note").GetString().ShouldBe("Lunch with Priya Shah; she worries about the audit.");
        root.GetProperty("mail").EnumerateArray().Select(m => m.GetProperty("kind").GetString()).ShouldContain("ClientPulse");
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Kind == AuditKind.ContactExported && e.SubjectId == contact))).ShouldBeTrue();
    }

    [Fact]
    public async Task Erasing_asks_first_then_forgets_the_person_and_keeps_the_scores()
    {
        var (contact, relationship, email) = await ContactWithHistoryAsync();
        var session = await app.CreateClientAsync();
        var assessments = await app.CountAssessmentsAsync(relationship);

        var unconfirmed = await session.SubmitAsync($"/Admin/Contacts/Details/{contact}", new Dictionary<string, string?>(), "form.erase");
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(unconfirmed)).FieldError("Confirm").ShouldNotBeNull().ShouldContain("nothing was erased");
        (await app.QueryAsync(db => db.Contacts.Where(c => c.Id == contact).Select(c => c.Email).SingleAsync())).ShouldBe(email);

        var erased = await session.SubmitAsync($"/Admin/Contacts/Details/{contact}", new Dictionary<string, string?> { ["Confirm"] = "true" }, "form.erase");

        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.QueryAsync(db => db.Contacts.Where(c => c.Id == contact).Select(c => new { c.Name, c.Role, c.Email, c.ErasedAt, c.OptedOutAt }).SingleAsync());
        (stored.Name, stored.Role, stored.Email).ShouldBe(("Erased contact", (string?)null, (string?)null));
        stored.ErasedAt.ShouldNotBeNull();
        stored.OptedOutAt.ShouldNotBeNull("nobody asks them again");
        var pulses = await app.QueryAsync(db => db.Pulses.Where(p => p.RelationshipId == relationship).ToListAsync());
        pulses.ShouldAllBe(p => p.ContactName == "Erased contact" && p.Status != PulseStatus.Open);
        pulses.Single(p => p.Status == PulseStatus.Answered).Comment.ShouldBe("(erased)");
        pulses.Single(p => p.Status == PulseStatus.Answered).Trust.ShouldNotBeNull("the answers stay, anonymous");
        (await app.QueryAsync(db => db.Assessments.Where(a => a.RelationshipId == relationship).Select(a => a.Note).ToListAsync()))
            .ShouldContain("Lunch with Erased contact; she worries about the audit.");
        (await app.CountAssessmentsAsync(relationship)).ShouldBe(assessments, "the scores stay");
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == email))).ShouldBe(0, "no mail to or about them is kept");
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == "erased@invalid" && m.Status == OutboxStatus.Pending))).ShouldBe(0);
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Kind == AuditKind.ContactErased && e.SubjectId == contact))).ShouldBeTrue();
        (await session.GetPageAsync($"/Relationships/Details/{relationship}")).QuerySelector(".lead")!.TextContent.ShouldContain("Erased contact");
        (await session.GetPageAsync($"/Admin/Contacts/Details/{contact}")).QuerySelector("form.erase").ShouldBeNull("it cannot be done twice");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message()
    {
        var session = await app.CreateClientAsync();

        (await session.GetPageAsync($"/Admin/Contacts?q={new string('a', 255)}")).FieldError("Q").ShouldNotBeNull().ShouldContain("at most 254 characters");
        (await session.GetPageAsync("/Admin/Contacts?q=no-such-person-anywhere")).QuerySelector(".empty")!.TextContent.ShouldContain("No contact");
        (await session.GetAsync(new Uri($"/Admin/Contacts/Details/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await session.GetAsync(new Uri($"/Admin/Contacts/Details/{Guid.NewGuid()}?handler=Export", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

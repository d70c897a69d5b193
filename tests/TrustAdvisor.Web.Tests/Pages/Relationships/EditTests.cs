using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

public class EditTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private Task<Relationship> StoredAsync(Guid id) => app.QueryAsync(db => db.Relationships.AsNoTracking().Include(r => r.Contact).ThenInclude(c => c.Organisation).SingleAsync(r => r.Id == id));

    [Fact]
    public async Task Editing_saves_the_new_details()
    {
        var relationship = await app.AddRelationshipAsync("Old Name Ltd");
        var client = await app.CreateClientAsync();

        var response = await client.SubmitAsync($"/Relationships/Edit/{relationship.Id}", new Dictionary<string, string?>
        {
            ["Input.ClientOrganisation"] = "New Name Ltd",
            ["Input.Stage"] = "Maintain",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Relationships/Details/{relationship.Id}");
        var stored = await StoredAsync(relationship.Id);
        (stored.Contact.Organisation.Name, stored.Stage, stored.Contact.Name).ShouldBe(("New Name Ltd", RelationshipStage.Maintain, "Priya Shah"));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_shows_the_other_version()
    {
        var relationship = await app.AddRelationshipAsync("Contested Ltd");
        var alice = await app.CreateClientAsync();
        var bob = await app.CreateClientAsync();
        var (action, aliceForm) = await alice.ReadFormAsync($"/Relationships/Edit/{relationship.Id}");
        (await bob.SubmitAsync($"/Relationships/Edit/{relationship.Id}", new Dictionary<string, string?> { ["Input.ContactName"] = "Bob's edit" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        aliceForm["Input.ContactName"] = "Alice's edit";
        var response = await alice.PostFormAsync(action, aliceForm);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("Someone else changed this relationship while you were editing it, so nothing was saved.");
        page.QuerySelector(".conflict")!.TextContent.ShouldContain("Bob's edit");
        page.GetElementById("Input_ContactName")!.GetAttribute("value").ShouldBe("Alice's edit");
        (await StoredAsync(relationship.Id)).Contact.Name.ShouldBe("Bob's edit");

        // Having seen the other version, saving again is a deliberate overwrite.
        var form = HtmlForms.FieldsOf((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.form")!);
        (await alice.PostFormAsync(action, form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredAsync(relationship.Id)).Contact.Name.ShouldBe("Alice's edit");
    }

    [Theory]
    [InlineData("Input.ClientOrganisation", "", "ClientOrganisation", "Enter the client organisation.")]
    [InlineData("Input.ContactName", "   ", "ContactName", "Enter the contact person's name.")]
    [InlineData("Input.Stage", "Nope", "Stage", "'Nope' is not a valid value")]
    [InlineData("Input.NextReviewDate", "2026-13-01", "NextReviewDate", "'2026-13-01' is not a valid value")]
    public async Task Bad_input_gets_a_message_and_changes_nothing(string field, string value, string errorFor, string message)
    {
        var relationship = await app.AddRelationshipAsync("Unchanged Ltd");
        var before = await StoredAsync(relationship.Id);

        var response = await (await app.CreateClientAsync()).SubmitAsync($"/Relationships/Edit/{relationship.Id}", new Dictionary<string, string?>
        {
            [field] = value,
            ["Input.ContactRole"] = "Changed role that must not be saved",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError(errorFor).ShouldNotBeNull().ShouldContain(message);
        var after = await StoredAsync(relationship.Id);
        (after.Contact.Organisation.Name, after.Contact.Name, after.Contact.Role, after.Stage, after.NextReviewDate, after.Version)
            .ShouldBe((before.Contact.Organisation.Name, before.Contact.Name, before.Contact.Role, before.Stage, before.NextReviewDate, before.Version));
    }

    [Theory]
    [InlineData("/Relationships/Edit/00000000-0000-0000-0000-000000000042")]
    [InlineData("/Relationships/Edit/42")]
    [InlineData("/Relationships/Details/00000000-0000-0000-0000-000000000042")]
    [InlineData("/Relationships/Details/%3Cscript%3E")]
    [InlineData("/Relationships/Archive/00000000-0000-0000-0000-000000000042")]
    public async Task Unknown_or_malformed_ids_are_not_found(string url)
    {
        (await (await app.CreateClientAsync()).GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_address_makes_it_a_relationship_with_another_person_whose_choice_is_their_own()
    {
        var relationship = await app.AddRelationshipAsync($"Readdressed {Guid.NewGuid():N}"[..24]);
        var before = $"priya.{Guid.NewGuid():N}@client.example";
        await app.QueryAsync(db => db.Contacts.Where(c => c.Id == relationship.ContactId)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Email, before).SetProperty(x => x.OptedOutAt, app.Clock.Now.UtcDateTime)));
        var session = await app.CreateClientAsync();

        (await session.SubmitAsync($"/Relationships/Edit/{relationship.Id}", new Dictionary<string, string?> { ["Input.ContactEmail"] = before.ToUpperInvariant() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredAsync(relationship.Id)).ContactId.ShouldBe(relationship.ContactId, "the same address in capitals is the same person");

        var after = $"sam.{Guid.NewGuid():N}@client.example";
        (await session.SubmitAsync($"/Relationships/Edit/{relationship.Id}", new Dictionary<string, string?> { ["Input.ContactEmail"] = after }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = await StoredAsync(relationship.Id);
        stored.ContactId.ShouldNotBe(relationship.ContactId);
        (stored.Contact.Email, stored.Contact.MayBeAsked, stored.Contact.OrganisationId).ShouldBe((after, true, relationship.Contact.OrganisationId));
        (await app.QueryAsync(db => db.Contacts.Where(c => c.Id == relationship.ContactId).Select(c => c.OptedOutAt).SingleAsync()))
            .ShouldNotBeNull("the first person's choice stays theirs");
    }
}

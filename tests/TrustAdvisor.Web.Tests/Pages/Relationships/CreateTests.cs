using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

public class CreateTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static Dictionary<string, string?> Details(string client) => new()
    {
        ["Input.ClientOrganisation"] = client,
        ["Input.ContactName"] = "Sam Okafor",
        ["Input.ContactRole"] = "Head of Finance",
        ["Input.Stage"] = "Vet",
        ["Input.NextReviewDate"] = "2027-01-15",
    };

    private Task<int> CountAsync(string client) => app.QueryAsync(db => db.Relationships.CountAsync(r => r.Contact.Organisation.Name == client));

    [Fact]
    public async Task Adding_a_relationship_opens_its_page()
    {
        var client = await app.CreateClientAsync();

        var response = await client.SubmitAsync("/Relationships/Create", Details("Northwind Traders"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetPageAsync(response.Location());
        page.QuerySelector("h1")!.TextContent.ShouldContain("Northwind Traders");
        page.QuerySelector(".lead")!.TextContent.ShouldContain("Sam Okafor, Head of Finance · Vet");
        var stored = await app.QueryAsync(db => db.Relationships.SingleAsync(r => r.Contact.Organisation.Name == "Northwind Traders"));
        (stored.Stage, stored.NextReviewDate, stored.IsDemo).ShouldBe((RelationshipStage.Vet, new DateOnly(2027, 1, 15), false));
    }

    [Fact]
    public async Task The_contacts_email_is_optional_and_kept_trimmed()
    {
        var client = await app.CreateClientAsync();
        var details = Details("Emailed Traders");
        details["Input.ContactEmail"] = "  sam.okafor@emailed.example  ";

        (await client.SubmitAsync("/Relationships/Create", details)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SubmitAsync("/Relationships/Create", Details("Unemailed Traders"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.QueryAsync(db => db.Relationships.Where(r => r.Contact.Organisation.Name.EndsWith("mailed Traders"))
                .OrderBy(r => r.Contact.Organisation.Name).Select(r => r.Contact.Email).ToListAsync()))
            .ShouldBe(["sam.okafor@emailed.example", null]);
    }

    [Fact]
    public async Task The_form_suggests_a_review_in_a_month()
    {
        var page = await (await app.CreateClientAsync()).GetPageAsync("/Relationships/Create");

        page.GetElementById("Input_NextReviewDate")!.GetAttribute("value").ShouldBe(app.Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static TheoryData<string, string?, string, string> BadInputs() => new()
    {
        { "Input.ClientOrganisation", "", "ClientOrganisation", "Enter the client organisation." },
        { "Input.ClientOrganisation", "    ", "ClientOrganisation", "Enter the client organisation." },
        { "Input.ClientOrganisation", null, "ClientOrganisation", "Enter the client organisation." },
        { "Input.ClientOrganisation", new string('x', 10_000), "ClientOrganisation", "Client organisation can be at most 200 characters; this one has 10,000." },
        { "Input.ClientOrganisation", "Acme\u0007Bell", "ClientOrganisation", "Client organisation contains characters that cannot be stored" },
        { "Input.ContactName", "", "ContactName", "Enter the contact person's name." },
        { "Input.ContactName", new string('y', 10_000), "ContactName", "Contact can be at most 200 characters; this one has 10,000." },
        { "Input.ContactRole", new string('z', 101), "ContactRole", "Contact's role can be at most 100 characters; this one has 101." },
        { "Input.ContactEmail", "sam", "ContactEmail", "Enter the contact's email address, like jane@client.com, or leave it empty." },
        { "Input.ContactEmail", "sam@localhost", "ContactEmail", "Enter the contact's email address, like jane@client.com, or leave it empty." },
        { "Input.ContactEmail", "Sam <sam@northwind.com>", "ContactEmail", "Enter the contact's email address, like jane@client.com, or leave it empty." },
        { "Input.ContactEmail", new string('s', 250) + "@n.com", "ContactEmail", "Contact's email can be at most 254 characters; this one has 256." },
        { "Input.Stage", "", "Stage", "Choose the stage: Meet, Vet, Establish or Maintain." },
        { "Input.Stage", "Courtship", "Stage", "'Courtship' is not a valid value" },
        { "Input.Stage", "42", "Stage", "'42' is not a valid value" },
        { "Input.NextReviewDate", "", "NextReviewDate", "Enter the date to review this relationship next." },
        { "Input.NextReviewDate", "15/01/2027", "NextReviewDate", "'15/01/2027' is not a valid value" },
        { "Input.NextReviewDate", "1989-06-01", "NextReviewDate", "The next review date cannot be before 1 January 1990." },
        { "Input.NextReviewDate", "2099-01-01", "NextReviewDate", "The next review date must be within 10 years." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_a_message_next_to_the_field_and_adds_nothing(string field, string? value, string errorFor, string message)
    {
        var name = $"Bad input {Guid.NewGuid():N}";
        var changes = Details(name);
        changes[field] = value;

        var response = await (await app.CreateClientAsync()).SubmitAsync("/Relationships/Create", changes);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError(errorFor).ShouldNotBeNull().ShouldContain(message);
        (await CountAsync(name)).ShouldBe(0);
        (await CountAsync(value ?? string.Empty)).ShouldBe(0);
    }

    [Fact]
    public async Task Submitting_the_form_twice_adds_one_relationship()
    {
        var client = await app.CreateClientAsync();
        var (action, fields) = await client.ReadFormAsync("/Relationships/Create");
        foreach (var (name, value) in Details("Twice Ltd"))
        {
            fields[name] = value;
        }

        var responses = await Task.WhenAll(client.PostFormAsync(action, fields), client.PostFormAsync(action, fields));
        var third = await client.PostFormAsync(action, fields);

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        third.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CountAsync("Twice Ltd")).ShouldBe(1);
    }

    [Fact]
    public async Task Markup_is_kept_as_text_and_shown_as_text()
    {
        const string client = "<script>alert('x')</script> & <b>Sons</b>";
        var http = await app.CreateClientAsync();

        var response = await http.SubmitAsync("/Relationships/Create", Details(client));

        var html = await (await http.GetAsync(new Uri(response.Location(), UriKind.Relative))).Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<b>Sons</b>");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;Sons&lt;/b&gt;");
        (await CountAsync(client)).ShouldBe(1);
        var list = await (await http.GetAsync(new Uri("/", UriKind.Relative))).Content.ReadAsStringAsync();
        list.ShouldNotContain("<script>alert");
    }

    [Fact]
    public async Task Two_advisors_naming_the_same_client_and_address_share_one_organisation_and_one_contact()
    {
        var client = $"Shared Client {Guid.NewGuid():N}"[..24];
        var email = $"sam.{Guid.NewGuid():N}@shared.example";
        var first = Details(client);
        first["Input.ContactEmail"] = email;
        var second = Details($"  {client.ToUpperInvariant()} ");
        second["Input.ContactName"] = "Samuel Okafor";
        second["Input.ContactRole"] = "";
        second["Input.ContactEmail"] = email.ToUpperInvariant();
        var other = Details(client);
        other["Input.ContactName"] = "Lee Chan";

        (await (await app.CreateClientAsync()).SubmitAsync("/Relationships/Create", first)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var colleague = await app.CreatePersonAsync($"colleague.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var session = await app.CreateClientAsync(colleague.Email!);
        (await session.SubmitAsync("/Relationships/Create", second)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.SubmitAsync("/Relationships/Create", other)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var key = Organisation.Normalize(client);
        var stored = await app.QueryAsync(db => db.Relationships.Where(r => r.Contact.Organisation.NormalizedName == key)
            .OrderBy(r => r.CreatedAt).Select(r => new { r.ContactId, r.Contact.OrganisationId, Organisation = r.Contact.Organisation.Name, r.Contact.Name, r.Contact.Role })
            .ToListAsync());
        stored.Count.ShouldBe(3);
        stored.Select(r => r.OrganisationId).Distinct().Count().ShouldBe(1, "one client, however it was typed");
        stored[0].Organisation.ShouldBe(client, "the first spelling stays");
        stored[0].ContactId.ShouldBe(stored[1].ContactId, "the same address is the same person");
        (stored[1].Name, stored[1].Role).ShouldBe(("Samuel Okafor", "Head of Finance"), "the name as typed last; a role left empty does not wipe theirs");
        stored[2].ContactId.ShouldNotBe(stored[0].ContactId, "another name without an address is another person");
    }
}

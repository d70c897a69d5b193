using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Import;

/// <summary>Importing relationships from a file: the preview, the import in one transaction, the same file again, and what a spreadsheet sends.</summary>
public class RelationshipsImportTests(ImportApp app) : IClassFixture<ImportApp>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    private static string Row(string externalId, string organisation, string contact, string? email = null, string stage = "Establish", string? owner = null, string review = "") =>
        $"{externalId},{organisation},,{contact},{email},CFO,{stage},{owner ?? AppFixture.AdminEmail},{review}";

    [Fact]
    public async Task A_file_is_previewed_then_imported_and_the_same_file_again_changes_nothing()
    {
        var (acme, id) = (Unique("Acme"), Unique("CRM"));
        var file = ImportForms.Utf8(
            ImportForms.RelationshipsHeader,
            Row(id + "-1", acme, "Jane Doe", "jane@acme.example"),
            Row(id + "-2", acme.ToUpperInvariant(), "Sam Lee", stage: "vet", review: app.Today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var session = await app.CreateClientAsync();

        var preview = await session.PreviewAsync(file);

        preview.Totals().ShouldBe("2 new, 0 updated, 0 unchanged, 0 refused.");
        (await app.QueryAsync(db => db.Organisations.CountAsync(o => o.Name == acme))).ShouldBe(0, "a preview changes nothing");
        (await session.ImportAsync(preview)).Outcome().ShouldBe("Imported clients.csv: 2 new, 0 updated, 0 unchanged, 0 refused.");

        var stored = await app.QueryAsync(db => db.Relationships.Where(r => r.ExternalId!.StartsWith(id))
            .OrderBy(r => r.ExternalId).Select(r => new { r.Contact.Organisation.Name, Contact = r.Contact.Name, r.Contact.Email, r.Stage, r.NextReviewDate, r.OwnerId, r.TeamId })
            .ToListAsync());
        stored.Select(s => s.Name).Distinct().ShouldBe([acme], "one organisation, however it was written");
        (stored[0].Contact, stored[0].Email, stored[0].Stage, stored[0].NextReviewDate).ShouldBe(("Jane Doe", "jane@acme.example", RelationshipStage.Establish, app.Today.AddDays(30)));
        (stored[1].Stage, stored[1].NextReviewDate).ShouldBe((RelationshipStage.Vet, app.Today.AddDays(60)));
        stored.ShouldAllBe(s => s.OwnerId == app.Admin.Id && s.TeamId == app.Admin.TeamId);
        (await app.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Kind == AuditKind.Imported && e.Detail!.Contains("2 new")))).ShouldBeTrue();

        var again = await session.PreviewAsync(file);
        again.Totals().ShouldBe("0 new, 0 updated, 2 unchanged, 0 refused.");
        again.QuerySelector("form.import-form").ShouldBeNull("nothing to import");
        (await session.ImportAsync(preview)).Outcome().ShouldBe("Imported clients.csv: 2 new, 0 updated, 0 unchanged, 0 refused.", "pressed again: the import it made");
        var upload = Guid.Parse(preview.QuerySelector<IHtmlInputElement>("input[name=UploadId]")!.Value);
        (await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Kind == AuditKind.Imported && e.SubjectId == upload && e.ActorId == app.Admin.Id))).ShouldBe(1);
        (await app.QueryAsync(db => db.Relationships.CountAsync(r => r.ExternalId!.StartsWith(id)))).ShouldBe(2, "imported once");

        var changed = ImportForms.Utf8(ImportForms.RelationshipsHeader, Row(id + "-1", acme, "Jane Doe", "jane@acme.example", stage: "Maintain"));
        (await session.PreviewAsync(changed)).Totals().ShouldBe("0 new, 1 updated, 0 unchanged, 0 refused.");
    }

    [Fact]
    public async Task Rows_without_an_external_id_are_matched_by_organisation_contact_and_owner()
    {
        var acme = Unique("Matched");
        var file = ImportForms.Utf8(ImportForms.RelationshipsHeader, Row("", acme, "Jane Doe", "jane@matched.example"));
        var session = await app.CreateClientAsync();
        await session.ImportAsync(await session.PreviewAsync(file));

        var again = ImportForms.Utf8(ImportForms.RelationshipsHeader, Row("", acme, "Jane M. Doe", "JANE@matched.example", stage: "Maintain"));
        var preview = await session.PreviewAsync(again);

        preview.Totals().ShouldBe("0 new, 1 updated, 0 unchanged, 0 refused.");
        await session.ImportAsync(preview);
        (await app.QueryAsync(db => db.Relationships.Where(r => r.Contact.Organisation.Name == acme).Select(r => new { r.Contact.Name, r.Stage }).ToListAsync()))
            .ShouldHaveSingleItem().ShouldBe(new { Name = "Jane M. Doe", Stage = RelationshipStage.Maintain });
    }

    [Fact]
    public async Task Every_bad_row_is_refused_by_column_and_nothing_is_imported_unless_the_valid_rows_are_chosen()
    {
        var (id, acme) = (Unique("BAD"), Unique("Refusals"));
        var file = ImportForms.Utf8(
            ImportForms.RelationshipsHeader,
            Row(id + "-ok", acme, "Valid Person"),
            Row(id + "-owner", acme, "Owner Unknown", owner: "nobody@nowhere.example"),
            Row(id + "-stage", acme, "Stage Misspelt", stage: "Estabish"),
            Row(id + "-past", acme, "Review Past", review: "2020-01-01"),
            Row(id + "-impossible", acme, "Review Impossible", review: "2027-02-30"),
            Row(id + "-email", acme, "Bad Email", email: "not-an-address"),
            Row(id + "-ok", acme, "Repeated Id"),
            Row(id + "-nameless", acme, ""),
            $"{id}-formula,\"=HYPERLINK(\"\"http://evil.example\"\")\",,\"@Formula, Person\",,+role,Meet,{AppFixture.AdminEmail},");
        var session = await app.CreateClientAsync();

        var preview = await session.PreviewAsync(file);

        preview.Totals().ShouldBe("2 new, 0 updated, 0 unchanged, 7 refused.");
        var refusals = preview.Refusals();
        refusals.ShouldContain(r => r.StartsWith("3,") && r.Contains("owner_email") && r.Contains("Nobody active at the firm has the address nobody@nowhere.example"));
        refusals.ShouldContain(r => r.StartsWith("4,") && r.Contains("stage") && r.Contains("'Estabish' is not a stage"));
        refusals.ShouldContain(r => r.StartsWith("5,") && r.Contains("next_review") && r.Contains("has passed"));
        refusals.ShouldContain(r => r.StartsWith("6,") && r.Contains("next_review") && r.Contains("'2027-02-30' is not a date"));
        refusals.ShouldContain(r => r.StartsWith("7,") && r.Contains("contact_email") && r.Contains("not an email address"));
        refusals.ShouldContain(r => r.StartsWith("8,") && r.Contains("external_id") && r.Contains("Repeats row 2"));
        refusals.ShouldContain(r => r.StartsWith("9,") && r.Contains("contact_name") && r.Contains("Give the contact's name"));

        (await session.ImportAsync(preview, validOnly: false)).Outcome().ShouldBe(
            "7 rows are refused, so nothing was imported. Correct them and upload the file again, or import the valid rows only.");
        (await app.QueryAsync(db => db.Relationships.CountAsync(r => r.ExternalId!.StartsWith(id)))).ShouldBe(0);
        (await app.QueryAsync(db => db.Organisations.CountAsync(o => o.Name == acme))).ShouldBe(0, "nothing partial");

        (await session.ImportAsync(preview)).Outcome().ShouldEndWith("2 new, 0 updated, 0 unchanged, 7 refused (left out).");
        var stored = await app.QueryAsync(db => db.Relationships.Where(r => r.ExternalId!.StartsWith(id)).OrderBy(r => r.ExternalId)
            .Select(r => new { r.ExternalId, Organisation = r.Contact.Organisation.Name, r.Contact.Name, r.Contact.Role }).ToListAsync());
        stored.Select(s => s.ExternalId).ShouldBe([id + "-formula", id + "-ok"]);
        (stored[0].Organisation, stored[0].Name, stored[0].Role).ShouldBe(("=HYPERLINK(\"http://evil.example\")", "@Formula, Person", "+role"), "kept as text");
    }

    [Fact]
    public async Task A_spreadsheet_s_csv_in_windows_1252_with_semicolons_quoted_newlines_and_day_first_dates_is_read()
    {
        var (id, client) = (Unique("WIN"), Unique("Société Générale"));
        var text = "external_id;organisation;organisation_domain;contact_name;contact_email;contact_role;stage;owner_email;next_review\r\n"
            + $"{id};{client};sg.example;Zoë Müller;;\"Head of\nFinance\";Maintain;{AppFixture.AdminEmail};31/12/2027\r\n";
        var session = await app.CreateClientAsync();

        var preview = await session.PreviewAsync(Encoding.GetEncoding(1252).GetBytes(text), dateFormat: "dd/MM/yyyy");

        preview.Totals().ShouldBe("1 new, 0 updated, 0 unchanged, 0 refused.");
        await session.ImportAsync(preview);
        var stored = await app.QueryAsync(db => db.Relationships.Where(r => r.ExternalId == id)
            .Select(r => new { Organisation = r.Contact.Organisation.Name, r.Contact.Organisation.Domain, r.Contact.Name, r.Contact.Role, r.NextReviewDate }).SingleAsync());
        stored.ShouldBe(new { Organisation = client, Domain = (string?)"sg.example", Name = "Zoë Müller", Role = (string?)"Head of\nFinance", NextReviewDate = new DateOnly(2027, 12, 31) });
    }

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData("external_id,organisation\r\nX,Y\r\n", "The first row has no column organisation_domain, contact_name")]
    [InlineData("external_id,organisation,organisation,organisation_domain,contact_name,contact_email,contact_role,stage,owner_email,next_review\r\n", "The column organisation appears twice")]
    [InlineData(ImportForms.RelationshipsHeader + "\r\n", "no rows under its first row")]
    [InlineData("external_id,organisation,organisation_domain,contact_name,contact_email,contact_role,stage,owner_email,next_review\r\nA,\"Acme \"Ltd\",,Jo,,,Meet,x@y.z,\r\n", "a quote inside a cell")]
    public async Task A_file_that_is_not_the_template_is_refused_with_why(string content, string message)
    {
        var response = await (await app.CreateClientAsync()).UploadAsync(Encoding.UTF8.GetBytes(content));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).FieldError("Upload").ShouldNotBeNull().ShouldContain(message);
    }

    [Fact]
    public async Task A_renamed_binary_a_zip_that_is_no_workbook_and_a_file_over_the_limit_are_refused()
    {
        var session = await app.CreateClientAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x02];

        (await HtmlForms.ParseAsync(await session.UploadAsync(png, "clients.csv"))).FieldError("Upload").ShouldNotBeNull().ShouldContain("not a CSV or Excel (.xlsx) file");
        (await HtmlForms.ParseAsync(await session.UploadAsync(zip, "clients.xlsx"))).FieldError("Upload").ShouldNotBeNull().ShouldContain("not an Excel workbook");
        var large = ImportForms.Utf8([ImportForms.RelationshipsHeader, .. Enumerable.Repeat(Row("x", "Acme", "Jo"), 30_000)]);
        large.Length.ShouldBeGreaterThan(1024 * 1024);
        (await HtmlForms.ParseAsync(await session.UploadAsync(large))).FieldError("Upload").ShouldNotBeNull().ShouldContain("larger than 1 MB");
    }

    [Fact]
    public async Task The_form_s_own_bad_input_is_refused()
    {
        var session = await app.CreateClientAsync();
        var file = ImportForms.Utf8(ImportForms.RelationshipsHeader, Row("x", "Acme", "Jo"));

        (await HtmlForms.ParseAsync(await session.UploadAsync(file, kind: "Contracts"))).FieldError("Kind").ShouldNotBeNull().ShouldContain("Choose what the file holds");
        (await HtmlForms.ParseAsync(await session.UploadAsync(file, dateFormat: "yy"))).FieldError("DateFormat").ShouldNotBeNull().ShouldContain("Choose how the file writes dates");
        var (action, fields) = await session.ReadFormAsync("/Import", "form[action*=Preview]");
        (await HtmlForms.ParseAsync(await session.PostFormAsync(action, fields))).FieldError("Upload").ShouldNotBeNull().ShouldContain("Choose a CSV or Excel file");
        var import = await session.PostFormAsync("/Import?handler=Import", new Dictionary<string, string?> { ["UploadId"] = Guid.NewGuid().ToString(), ["__RequestVerificationToken"] = fields["__RequestVerificationToken"] });
        (await HtmlForms.ParseAsync(import)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("no longer here");
    }

    [Fact]
    public async Task A_manager_imports_only_into_their_team_and_an_advisor_not_at_all()
    {
        var otherTeam = await app.CreateTeamAsync("Elsewhere");
        var stranger = await app.CreatePersonAsync($"stranger.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, otherTeam.Id);
        var manager = await app.CreatePersonAsync($"manager.{Guid.NewGuid():N}@firm.test", UserRole.Manager);
        var advisor = await app.CreatePersonAsync($"advisor.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var id = Unique("MGR");
        var file = ImportForms.Utf8(ImportForms.RelationshipsHeader, Row(id + "-mine", Unique("Team Client"), "Jo", owner: advisor.Email), Row(id + "-theirs", Unique("Far Client"), "Al", owner: stranger.Email));

        var preview = await (await app.CreateClientAsync(manager.Email!)).PreviewAsync(file);

        preview.Totals().ShouldBe("1 new, 0 updated, 0 unchanged, 1 refused.");
        preview.Refusals().ShouldContain(r => r.StartsWith("3,") && r.Contains("is not in a team you import into"));
        (await (await app.CreateClientAsync(advisor.Email!)).GetAsync(new Uri("/Import", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "as the dashboard: an advisor is not told it is there");
    }
}

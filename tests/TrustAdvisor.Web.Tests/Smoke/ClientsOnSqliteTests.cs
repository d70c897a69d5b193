using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Tests.Infrastructure;
using TrustAdvisor.Web.Tests.Pages.Import;

namespace TrustAdvisor.Web.Tests.Smoke;

/// <summary>A firm's clients on the embedded default: the demo's organisations, import, "Ask everyone" and erasure, with SQLite's text ids.</summary>
public class ClientsOnSqliteTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_demo_s_clients_with_several_contacts_show_side_by_side_and_one_is_single_threaded()
    {
        var shared = await app.QueryAsync(db => db.Organisations.Where(o => o.IsDemo && db.Contacts.Count(c => c.OrganisationId == o.Id) > 1)
            .Select(o => o.Id).ToListAsync());
        shared.Count.ShouldBe(3);
        var session = await app.CreateClientAsync();

        var pages = new List<AngleSharp.Html.Dom.IHtmlDocument>();
        foreach (var id in shared)
        {
            pages.Add(await session.GetPageAsync($"/Organisations/Details/{id}"));
        }

        pages.ShouldAllBe(p => p.QuerySelectorAll("table.relationships tbody tr").Length > 1);
        pages.Count(p => p.QuerySelector(".single-thread") != null).ShouldBe(1);
    }

    [Fact]
    public async Task The_sample_files_import_into_the_demo()
    {
        var session = await app.CreateClientAsync();
        var preview = await session.PreviewAsync(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "docs/import/sample-relationships.csv")));
        preview.Totals().ShouldBe("3 new, 0 updated, 0 unchanged, 0 refused.");
        (await session.ImportAsync(preview)).Outcome().ShouldBe("Imported clients.csv: 3 new, 0 updated, 0 unchanged, 0 refused.");
        var scores = await session.PreviewAsync(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "docs/import/sample-assessments.csv")), kind: "Assessments");
        scores.Totals().ShouldBe("4 new, 0 updated, 0 unchanged, 0 refused.");
        (await session.ImportAsync(scores)).Outcome().ShouldBe("Imported clients.csv: 4 new, 0 updated, 0 unchanged, 0 refused.");

        (await session.PreviewAsync(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "docs/import/sample-relationships.csv"))))
            .Totals().ShouldBe("0 new, 0 updated, 3 unchanged, 0 refused.", "the same file again changes nothing");
    }

    [Fact]
    public async Task Everyone_at_a_demo_client_is_asked_by_email_and_a_contact_is_erased()
    {
        var organisation = await app.QueryAsync(db => db.Organisations.Where(o => o.IsDemo && o.Domain != null).Select(o => o.Id).FirstAsync());
        var session = await app.CreateClientAsync();
        var (action, fields) = await session.ReadFormAsync($"/Organisations/Details/{organisation}", "form[action*=AskEveryone]");
        var asked = fields.Keys.Count(k => k.StartsWith("PulseIds", StringComparison.Ordinal));

        (await session.PostFormAsync(action, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var emails = await app.QueryAsync(db => db.Contacts.Where(c => c.OrganisationId == organisation && c.Email != null).Select(c => c.Email!).ToListAsync());
        (await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == MailKind.ClientPulse && emails.Contains(m.To)))).ShouldBe(asked);

        var contact = await app.QueryAsync(db => db.Contacts.Where(c => c.OrganisationId == organisation).Select(c => c.Id).FirstAsync());
        (await session.SubmitAsync($"/Admin/Contacts/Details/{contact}", new Dictionary<string, string?> { ["Confirm"] = "true" }, "form.erase"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Contacts.Where(c => c.Id == contact).Select(c => new { c.Name, c.Email }).SingleAsync()))
            .ShouldBe(new { Name = "Erased contact", Email = (string?)null });
    }
}

using System.Text;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Journeys;

/// <summary>A manager on a desktop imports a file with a refused row: reads the preview, imports the valid rows, and finds the client's page.</summary>
[Collection(BrowserGroup.Name)]
public class ImportJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_manager_previews_a_file_with_a_refused_row_imports_the_valid_ones_and_opens_the_organisation()
    {
        var client = $"Imported Client {Guid.NewGuid():N}"[..24];
        var file = Encoding.UTF8.GetBytes(string.Join("\r\n",
            "external_id,organisation,organisation_domain,contact_name,contact_email,contact_role,stage,owner_email,next_review",
            $",{client},,Jane Doe,jane.doe@imported.example,CFO,Establish,{People.Advisor.Email},",
            $",{client},,Omar Haddad,omar@imported.example,COO,Vet,{People.Manager.Email},",
            $",{client},,Lena Vogel,,General Counsel,Estabish,{People.Advisor.Email},") + "\r\n");

        await using var visit = await app.VisitAsync(Device.Desktop, "import");
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInAsync(People.Manager);
            await v.GoToAsync("/Relationships");
            await v.TapAsync(page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Import clients" })).ToBeVisibleAsync();
            await v.SeeAsync("import-form");

            await page.GetByLabel("CSV or Excel (.xlsx) file").SetInputFilesAsync(new FilePayload { Name = "clients.csv", MimeType = "text/csv", Buffer = file });
            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Preview" }));

            await Expect(page.GetByTestId("import-totals")).ToHaveTextAsync("2 new, 0 updated, 0 unchanged, 1 refused.");
            var refused = page.GetByRole(AriaRole.Table, new() { Name = "Refused rows, and why" });
            await Expect(refused).ToContainTextAsync("'Estabish' is not a stage");
            await Expect(refused).ToContainTextAsync("stage");
            await v.SeeAsync("import-preview");

            await v.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Import the 2 valid rows only" }));
            await Expect(page.GetByText("Imported clients.csv: 2 new, 0 updated, 0 unchanged, 1 refused (left out).")).ToBeVisibleAsync();
            await v.SeeAsync("import-imported");

            await v.GoToAsync("/Relationships");
            await v.TapAsync(page.GetByRole(AriaRole.Link, new() { Name = client, Exact = true }).First);
            await v.TapAsync(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).GetByRole(AriaRole.Link, new() { Name = client }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(client);
            var rows = page.GetByRole(AriaRole.Table, new() { Name = $"Relationships at {client}, by contact" }).Locator("tbody tr");
            await Expect(rows).ToHaveCountAsync(2);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Ask everyone for their view" })).ToBeVisibleAsync();
            await v.SeeAsync("organisation");
        });
    }
}

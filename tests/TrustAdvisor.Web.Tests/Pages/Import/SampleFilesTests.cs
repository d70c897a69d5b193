using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Import;

/// <summary>The sample files in docs/import import cleanly into the demo, as the user guide says.</summary>
public class SampleFilesTests(PostgresDemoApp app) : IClassFixture<PostgresDemoApp>
{
    [Fact]
    public async Task The_sample_relationships_and_their_past_assessments_import_into_the_demo()
    {
        var session = await app.CreateClientAsync();
        var relationships = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "docs/import/sample-relationships.csv"));
        var assessments = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "docs/import/sample-assessments.csv"));

        var preview = await session.PreviewAsync(relationships, "sample-relationships.csv");
        preview.Totals().ShouldBe("3 new, 0 updated, 0 unchanged, 0 refused.");
        await session.ImportAsync(preview);
        var scores = await session.PreviewAsync(assessments, "sample-assessments.csv", kind: "Assessments");
        scores.Totals().ShouldBe("4 new, 0 updated, 0 unchanged, 0 refused.");
        await session.ImportAsync(scores);

        var northwind = await app.QueryAsync(db => db.Relationships.Where(r => r.Contact.Organisation.Name == "Northwind Traders")
            .Select(r => new { r.Contact.OrganisationId, r.Contact.Organisation.Domain, Owner = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.Email).First() })
            .ToListAsync());
        northwind.Select(n => n.Owner).ShouldBe(["advisor@demo.trustadvisor.test", "sam.okafor@demo.trustadvisor.test"], ignoreOrder: true);
        var page = await session.GetPageAsync($"/Organisations/Details/{northwind[0].OrganisationId}");
        page.QuerySelectorAll("table.relationships tbody tr").Length.ShouldBe(2);
        page.QuerySelector(".single-thread").ShouldNotBeNull("Jane (7.0) is far above Omar (2.6)");
    }
}

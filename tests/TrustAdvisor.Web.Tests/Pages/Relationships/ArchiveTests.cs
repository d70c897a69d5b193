using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

public class ArchiveTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Archiving_hides_the_relationship_and_keeps_its_assessments()
    {
        var relationship = await app.AddRelationshipAsync("Archived Partners");
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-20), new TrustFactors(6, 6, 6, 4));
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-5), new TrustFactors(7, 6, 6, 4));
        var client = await app.CreateClientAsync();

        var confirm = await client.GetPageAsync($"/Relationships/Archive/{relationship.Id}");
        confirm.QuerySelector("main")!.TextContent.ShouldContain("Its 2 assessments stay on record");
        var response = await client.SubmitAsync($"/Relationships/Archive/{relationship.Id}", new Dictionary<string, string?>(), "main form");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await client.GetPageAsync(response.Location());
        list.QuerySelector(".flash")!.TextContent.ShouldContain("Archived Archived Partners. Its history is kept");
        var link = $"a[href='/Relationships/Details/{relationship.Id}']";
        list.QuerySelector(link).ShouldBeNull();
        (await client.GetPageAsync("/Relationships?archived=true")).QuerySelector(link)!.TextContent.ShouldBe("Archived Partners");
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(2);
        (await app.QueryAsync(db => db.Relationships.SingleAsync(r => r.Id == relationship.Id))).IsArchived.ShouldBeTrue();
        var details = await client.GetPageAsync($"/Relationships/Details/{relationship.Id}");
        details.QuerySelector(".archived-note")!.TextContent.ShouldContain("Archived on");
        details.QuerySelectorAll(".history tbody tr").Length.ShouldBe(2);
    }

    [Fact]
    public async Task An_archived_relationship_can_be_restored()
    {
        var relationship = await app.AddRelationshipAsync("Back Again Ltd");
        var client = await app.CreateClientAsync();
        await client.SubmitAsync($"/Relationships/Archive/{relationship.Id}", new Dictionary<string, string?>(), "main form");

        var response = await client.SubmitAsync($"/Relationships/Details/{relationship.Id}", new Dictionary<string, string?>(), "form.archived-note");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Relationships.SingleAsync(r => r.Id == relationship.Id))).IsArchived.ShouldBeFalse();
        (await client.GetPageAsync("/Relationships")).QuerySelector($"a[href='/Relationships/Details/{relationship.Id}']").ShouldNotBeNull();
    }
}

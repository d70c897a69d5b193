using System.Net;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Organisations;

/// <summary>
/// An organisation's page: its relationships side by side, the roll-up and the single-threaded warning, by the same
/// access rules as the relationships themselves.
/// </summary>
public class DetailsTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    /// <summary>One client, two advisors of the same team: Ann's contact at T 8.0, Ben's at T 4.0.</summary>
    private async Task<(AppUser Ann, AppUser Ben, Guid Organisation, string Name)> OneClientTwoAdvisorsAsync()
    {
        var name = $"Threaded {Guid.NewGuid():N}"[..20];
        var ann = await app.CreatePersonAsync($"ann.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var ben = await app.CreatePersonAsync($"ben.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var anns = await app.AddRelationshipAsync(name, owner: ann);
        var bens = await app.AddRelationshipAsync(name.ToUpperInvariant(), owner: ben);
        await app.AddAssessmentAsync(anns.Id, app.Today.AddDays(-3), new TrustFactors(8, 8, 8, 3));
        await app.AddAssessmentAsync(bens.Id, app.Today.AddDays(-2), new TrustFactors(4, 4, 4, 3));
        anns.Contact.OrganisationId.ShouldBe(bens.Contact.OrganisationId, "the same name in another case is the same client");
        return (ann, ben, anns.Contact.OrganisationId, name);
    }

    [Fact]
    public async Task An_administrator_sees_every_relationship_the_roll_up_and_a_contact_far_ahead_of_the_rest()
    {
        var (ann, ben, organisation, name) = await OneClientTwoAdvisorsAsync();
        var administrator = await app.CreateClientAsync();

        var page = await administrator.GetPageAsync($"/Organisations/Details/{organisation}");

        page.QuerySelector("h1")!.TextContent.ShouldContain(name);
        var rows = page.QuerySelectorAll("table.relationships tbody tr");
        rows.Length.ShouldBe(2);
        rows.Select(r => r.QuerySelector("td[data-label=Owner]")!.TextContent).ShouldBe([ann.DisplayName, ben.DisplayName], ignoreOrder: true);
        page.QuerySelector("[data-testid=median-trust]")!.TextContent.ShouldBe("6.0");
        page.QuerySelector(".roll-up")!.TextContent.ShouldContain("Intimacy");
        var warning = page.QuerySelector(".single-thread")!.TextContent;
        warning.ShouldContain("Single-threaded");
        warning.ShouldContain("T of 8.0 is far above anyone else's");
    }

    [Fact]
    public async Task Each_row_shows_the_latest_meeting_scored_and_the_client_s_latest_answer()
    {
        var name = $"Latest {Guid.NewGuid():N}"[..20];
        var relationship = await app.AddRelationshipAsync(name);
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-30), new TrustFactors(9, 9, 9, 2));
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-3), new TrustFactors(5, 6, 7, 3));
        await app.AddAssessmentAsync(relationship.Id, app.Today.AddDays(-10), new TrustFactors(2, 2, 2, 9));
        await app.AddAnsweredPulseAsync(relationship, app.Today.AddDays(-40), new ClientAnswers(9, 9, 9, 9));
        var latest = await app.AddAnsweredPulseAsync(relationship, app.Today.AddDays(-5), new ClientAnswers(4, 5, 6, 3));
        await app.AddAnsweredPulseAsync(relationship, app.Today.AddDays(-20), new ClientAnswers(2, 2, 2, 2));

        var page = await (await app.CreateClientAsync()).GetPageAsync($"/Organisations/Details/{relationship.Contact.OrganisationId}");

        var row = page.QuerySelector("table.relationships tbody tr")!;
        row.QuerySelector("td[data-label=T]")!.TextContent.ShouldBe("6.0");
        row.QuerySelector("td[data-label=Factors]")!.TextContent.Trim().ShouldBe("5 · 6 · 7 · 3");
        row.QuerySelector("td[data-label=\"Client's latest view\"]")!.TextContent.ShouldStartWith($"T {TrustEquation.Format(latest.Trust!.Value)} on ");
    }

    [Fact]
    public async Task An_advisor_sees_only_their_own_relationship_there_and_is_warned_it_is_the_only_thread_they_see()
    {
        var (ann, _, organisation, _) = await OneClientTwoAdvisorsAsync();
        var session = await app.CreateClientAsync(ann.Email!);

        var page = await session.GetPageAsync($"/Organisations/Details/{organisation}");

        page.QuerySelectorAll("table.relationships tbody tr").Length.ShouldBe(1);
        page.QuerySelector(".single-thread")!.TextContent.ShouldContain("that you can see hangs on Priya Shah");
        page.QuerySelector("[data-testid=median-trust]")!.TextContent.ShouldBe("8.0");
    }

    [Fact]
    public async Task Trust_spread_over_two_contacts_shows_no_warning()
    {
        var name = $"Spread {Guid.NewGuid():N}"[..20];
        var first = await app.AddRelationshipAsync(name);
        var second = await app.AddRelationshipAsync(name);
        await app.AddAssessmentAsync(first.Id, app.Today.AddDays(-3), new TrustFactors(8, 8, 8, 3));
        await app.AddAssessmentAsync(second.Id, app.Today.AddDays(-2), new TrustFactors(6, 6, 6, 3));

        var page = await (await app.CreateClientAsync()).GetPageAsync($"/Organisations/Details/{first.Contact.OrganisationId}");

        page.QuerySelector(".single-thread").ShouldBeNull();
        page.QuerySelector("[data-testid=median-trust]")!.TextContent.ShouldBe("7.0");
    }

    [Fact]
    public async Task An_organisation_the_viewer_has_no_relationship_at_is_not_found()
    {
        var (_, _, organisation, _) = await OneClientTwoAdvisorsAsync();
        var otherTeam = await app.CreateTeamAsync("Other team");
        var outsider = await app.CreatePersonAsync($"out.{Guid.NewGuid():N}@firm.test", UserRole.Manager, otherTeam.Id);
        var session = await app.CreateClientAsync(outsider.Email!);

        (await session.GetAsync(new Uri($"/Organisations/Details/{organisation}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await session.GetAsync(new Uri($"/Organisations/Details/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await session.GetAsync(new Uri("/Organisations/Details/not-an-id", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_relationship_page_and_the_overview_link_to_it()
    {
        var (ann, _, organisation, _) = await OneClientTwoAdvisorsAsync();
        var session = await app.CreateClientAsync(ann.Email!);
        var link = $"/Organisations/Details/{organisation}";

        var overview = await session.GetPageAsync("/");
        overview.QuerySelectorAll("a.organisation-link").Select(a => a.GetAttribute("href")).ShouldContain(link);
        var relationshipPage = await session.GetPageAsync(overview.QuerySelector("a.organisation-link")!.ParentElement!.QuerySelector("a")!.GetAttribute("href")!);
        relationshipPage.QuerySelector("h1 a.organisation")!.GetAttribute("href").ShouldBe(link);
    }
}

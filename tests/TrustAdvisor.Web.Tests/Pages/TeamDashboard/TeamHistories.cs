using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Web.Tests.Pages.TeamDashboard;

/// <summary>
/// Team North (manager Nora; advisors Ada and Bo) with hand-built histories whose dashboard figures are worked out
/// by hand in the tests, and team South (manager Sol; advisor Cy) with extreme figures that would show if counted.
/// Today is Sunday 22 November 2026; the tests look at 1 September to 22 November.
/// </summary>
public sealed class TeamHistories : PostgresApp
{
    public const string Period = "period=custom&from=2026-09-01&to=2026-11-22&by=month";

    public Guid NorthId { get; private set; }
    public Guid SouthId { get; private set; }
    public AppUser Ada { get; private set; } = null!;
    public AppUser Bo { get; private set; } = null!;
    public Relationship Alder { get; private set; } = null!;
    public Relationship Birch { get; private set; } = null!;
    public Relationship Zulu { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        var north = await CreateTeamAsync("North");
        var south = await CreateTeamAsync("South");
        NorthId = north.Id;
        SouthId = south.Id;
        Ada = await CreatePersonAsync("ada@north.test", UserRole.Advisor, north.Id);
        Bo = await CreatePersonAsync("bo@north.test", UserRole.Advisor, north.Id);
        await CreatePersonAsync("nora@north.test", UserRole.Manager, north.Id);
        var cy = await CreatePersonAsync("cy@south.test", UserRole.Advisor, south.Id);
        await CreatePersonAsync("sol@south.test", UserRole.Manager, south.Id);

        // Ada: Alder falls from 9 to 4.5 (self-orientation 2 → 4); Birch rises from 3 to 7 inside the period.
        Alder = await AddRelationshipAsync("Alder Ltd", RelationshipStage.Maintain, owner: Ada);
        await AddAssessmentAsync(Alder.Id, new DateOnly(2026, 8, 15), new TrustFactors(6, 6, 6, 2));
        await AddAssessmentAsync(Alder.Id, new DateOnly(2026, 10, 10), new TrustFactors(6, 6, 6, 4));
        Birch = await AddRelationshipAsync("Birch Ltd", owner: Ada);
        await AddAssessmentAsync(Birch.Id, new DateOnly(2026, 9, 5), new TrustFactors(5, 5, 5, 5));
        await AddAssessmentAsync(Birch.Id, new DateOnly(2026, 10, 20), new TrustFactors(7, 7, 7, 3));

        // Bo: Cedar scored once in September; Damson last scored in June and past its review; Elm never scored.
        var cedar = await AddRelationshipAsync("Cedar Ltd", owner: Bo);
        await AddAssessmentAsync(cedar.Id, new DateOnly(2026, 9, 10), new TrustFactors(8, 8, 8, 4));
        var damson = await AddRelationshipAsync("Damson Ltd", nextReview: new DateOnly(2026, 11, 1), owner: Bo);
        await AddAssessmentAsync(damson.Id, new DateOnly(2026, 6, 1), new TrustFactors(4, 4, 4, 6));
        await AddRelationshipAsync("Elm Ltd", owner: Bo);

        // South: T from 30 to 0.3, which would lead every list if it leaked into North's figures.
        Zulu = await AddRelationshipAsync("Zulu Ltd", owner: cy);
        await AddAssessmentAsync(Zulu.Id, new DateOnly(2026, 10, 1), new TrustFactors(10, 10, 10, 1));
        await AddAssessmentAsync(Zulu.Id, new DateOnly(2026, 10, 15), new TrustFactors(1, 1, 1, 10));
    }
}

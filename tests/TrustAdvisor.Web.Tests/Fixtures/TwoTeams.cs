using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Import;

namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>Two teams: Anna and Ben advise in team A under Maria; Cleo advises in team B under Max.</summary>
public sealed class TwoTeams : PostgresApp
{
    public AppUser Anna { get; private set; } = null!;
    public AppUser Ben { get; private set; } = null!;
    public AppUser Maria { get; private set; } = null!;
    public AppUser Cleo { get; private set; } = null!;
    public AppUser Max { get; private set; } = null!;
    public Relationship Annas { get; private set; } = null!;
    public Relationship Bens { get; private set; } = null!;
    public Relationship Cleos { get; private set; } = null!;
    public Assessment AnnasAssessment { get; private set; } = null!;
    public Assessment BensAssessment { get; private set; } = null!;
    public Assessment CleosAssessment { get; private set; } = null!;
    public Domain.Commitments.Commitment AnnasCommitment { get; private set; } = null!;
    public Domain.Recovery.RecoveryPlan AnnasPlan { get; private set; } = null!;

    /// <summary>A file Maria imported: its progress page is hers alone.</summary>
    public Guid MariasUpload { get; } = Guid.CreateVersion7();

    protected override async Task SeedAsync()
    {
        var teamA = await CreateTeamAsync("Team A");
        var teamB = await CreateTeamAsync("Team B");
        Anna = await CreatePersonAsync("anna@firm.test", UserRole.Advisor, teamA.Id);
        Ben = await CreatePersonAsync("ben@firm.test", UserRole.Advisor, teamA.Id);
        Maria = await CreatePersonAsync("maria@firm.test", UserRole.Manager, teamA.Id);
        Cleo = await CreatePersonAsync("cleo@firm.test", UserRole.Advisor, teamB.Id);
        Max = await CreatePersonAsync("max@firm.test", UserRole.Manager, teamB.Id);
        Annas = await AddRelationshipAsync("Anna's Client Ltd", owner: Anna);
        Bens = await AddRelationshipAsync("Ben's Client Ltd", owner: Ben);
        Cleos = await AddRelationshipAsync("Cleo's Client Ltd", owner: Cleo);
        AnnasAssessment = await AddAssessmentAsync(Annas.Id, Today.AddDays(-3), new TrustFactors(6, 6, 6, 3));
        BensAssessment = await AddAssessmentAsync(Bens.Id, Today.AddDays(-3), new TrustFactors(5, 5, 5, 5));
        CleosAssessment = await AddAssessmentAsync(Cleos.Id, Today.AddDays(-3), new TrustFactors(7, 7, 7, 7));
        AnnasCommitment = await AddCommitmentAsync(Annas.Id, madeBy: Anna);
        AnnasPlan = Domain.Recovery.RecoveryPlan.Open(Guid.CreateVersion7(), Annas.Id, Anna.Id, Factor.Reliability, "You missed the deadline.", Today.AddDays(30), Today);
        AnnasPlan.AddStep(Guid.CreateVersion7(), "Call them", Anna.Id, Today.AddDays(3));
        await QueryAsync(db =>
        {
            db.RecoveryPlans.Add(AnnasPlan);
            return db.SaveChangesAsync();
        });
        await QueryAsync(db =>
        {
            db.ImportUploads.Add(new ImportUpload
            {
                Id = MariasUpload,
                Kind = ImportKind.Relationships,
                FileName = "team-a.csv",
                UploadedById = Maria.Id,
                UploadedAt = Clock.Now.UtcDateTime,
                Status = ImportStatus.Imported,
                ImportedAt = Clock.Now.UtcDateTime,
                Outcome = "1 new, 0 updated, 0 unchanged, 0 refused",
            });
            return db.SaveChangesAsync();
        });
    }
}

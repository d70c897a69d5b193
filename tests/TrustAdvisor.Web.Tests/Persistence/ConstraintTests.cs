using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Web.Tests.Persistence;

/// <summary>The database itself refuses what would make T undefined, whatever writes to it.</summary>
public class ConstraintTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private async Task<PostgresException> InsertAsync(Guid relationshipId, string credibility, string selfOrientation, int revision = 1, string? reason = null)
    {
        var error = await Should.ThrowAsync<PostgresException>(() => app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO assessments (id, relationship_id, lineage_id, revision, meeting_date, meeting_kind,
                credibility, reliability, intimacy, self_orientation, trust, recorded_at, correction_reason)
            VALUES (gen_random_uuid(), {0}, gen_random_uuid(), {1}, DATE '2026-11-01', 'Call',
                CAST({2} AS integer), 5, 5, CAST({3} AS integer), 3.0, now(), {4})
            """,
            relationshipId, revision, credibility, selfOrientation, reason!)));
        return error;
    }

    [Theory]
    [InlineData("11", "5", "ck_assessments_credibility")]
    [InlineData("0", "5", "ck_assessments_credibility")]
    [InlineData("5", "0", "ck_assessments_self_orientation")]
    public async Task Factors_outside_1_to_10_are_refused(string credibility, string selfOrientation, string constraint)
    {
        var relationship = await app.AddRelationshipAsync();

        var error = await InsertAsync(relationship.Id, credibility, selfOrientation);

        (error.SqlState, error.ConstraintName).ShouldBe((PostgresErrorCodes.CheckViolation, constraint));
        (await app.CountAssessmentsAsync(relationship.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_self_orientation_is_refused()
    {
        var relationship = await app.AddRelationshipAsync();

        var error = await Should.ThrowAsync<PostgresException>(() => app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO assessments (id, relationship_id, lineage_id, revision, meeting_date, meeting_kind,
                credibility, reliability, intimacy, self_orientation, trust, recorded_at)
            VALUES (gen_random_uuid(), {0}, gen_random_uuid(), 1, DATE '2026-11-01', 'Call', 5, 5, 5, NULL, 3.0, now())
            """,
            relationship.Id)));

        (error.SqlState, error.ColumnName).ShouldBe((PostgresErrorCodes.NotNullViolation, "self_orientation"));
    }

    [Fact]
    public async Task A_correction_without_a_reason_is_refused()
    {
        var relationship = await app.AddRelationshipAsync();

        var error = await InsertAsync(relationship.Id, "5", "5", revision: 2);

        error.ConstraintName.ShouldBe("ck_assessments_correction_reason");
    }

    [Fact]
    public async Task Two_current_revisions_of_one_meeting_are_refused()
    {
        var relationship = await app.AddRelationshipAsync();
        var original = await app.AddAssessmentAsync(relationship.Id, app.Today, new TrustFactors(5, 5, 5, 5));

        var error = await Should.ThrowAsync<PostgresException>(() => app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO assessments (id, relationship_id, lineage_id, revision, meeting_date, meeting_kind,
                credibility, reliability, intimacy, self_orientation, trust, recorded_at, correction_reason)
            VALUES (gen_random_uuid(), {0}, {1}, 2, DATE '2026-11-01', 'Call', 5, 5, 5, 5, 3.0, now(), 'sneaky')
            """,
            relationship.Id, original.LineageId)));

        (error.SqlState, error.ConstraintName).ShouldBe((PostgresErrorCodes.UniqueViolation, "ux_assessments_current_revision"));
    }

    [Fact]
    public async Task A_relationship_with_assessments_cannot_be_deleted()
    {
        var relationship = await app.AddRelationshipAsync();
        await app.AddAssessmentAsync(relationship.Id, app.Today, new TrustFactors(5, 5, 5, 5));

        var error = await Should.ThrowAsync<PostgresException>(() => app.QueryAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM relationships WHERE id = {0}", relationship.Id)));

        error.SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);
    }
}

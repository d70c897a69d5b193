using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Dataset;

public sealed record LoadedCounts(
    int Teams, int Users, int Relationships, int Assessments, int Revisions, int Pulses, int Answered, int OpenLinks, int Commitments, int Plans);

/// <summary>Migrates an empty PostgreSQL database and fills it with binary COPY, the fastest way in.</summary>
public static class DatasetLoader
{
    public static async Task<LoadedCounts> LoadAsync(string connectionString, DatasetSpec spec, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(log);
        var options = new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connectionString).Options;
        await using (var db = new PostgresDbContext(options) { ViewerAccessor = FixedViewerAccessor.System })
        {
            await db.Database.MigrateAsync();
            if (await db.Relationships.AnyAsync() || await db.Users.AnyAsync())
            {
                throw new InvalidOperationException("The database already has data; the dataset is loaded into an empty one.");
            }
        }

        var firm = new FirmGenerator(spec);
        firm.GenerateFirm();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await CopyTeamsAsync(connection, firm.Teams);
        await CopyPeopleAsync(connection, firm.People);
        await CopyRelationshipsAsync(connection, firm.Relationships);
        log.WriteLine($"Firm loaded: {firm.Teams.Count} teams, {firm.People.Count} people, {firm.Relationships.Count} relationships.");
        var clients = new PulseGenerator(spec, firm);
        var actions = new ActionGenerator(spec, firm);
        var (assessments, revisions) = await CopyAssessmentsAsync(connection, actions.Watch(clients.Watch(firm.Histories())));
        var (pulses, answered) = await PulseCopy.CopyAsync(connection, clients.Pulses);
        var (commitments, plans) = await ActionCopy.CopyAsync(connection, actions);
        var openLinks = spec.OpenLinksFile is { } file
            ? await PulseCopy.OpenLinksAsync(connection, firm, clients.Pulses, file, TimeProvider.System)
            : 0;
        // As autovacuum would soon: statistics for the planner, and a visibility map for index-only scans.
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        return new LoadedCounts(firm.Teams.Count, firm.People.Count, firm.Relationships.Count, assessments, revisions, pulses, answered, openLinks, commitments, plans);
    }

    private static async Task CopyTeamsAsync(NpgsqlConnection connection, IReadOnlyList<TeamRow> teams)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY teams (id, name, is_demo, created_at) FROM STDIN (FORMAT BINARY)");
        foreach (var t in teams)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(t.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(t.Name, NpgsqlDbType.Text);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(t.CreatedAt, NpgsqlDbType.TimestampTz);
        }

        await copy.CompleteAsync();
    }

    private static async Task CopyPeopleAsync(NpgsqlConnection connection, IReadOnlyList<PersonRow> people)
    {
        // One hash for everyone: hashing is deliberately slow, and every bench account has the same password.
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), DatasetSpec.Password);
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash,
                        security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled,
                        access_failed_count, display_name, role, team_id, is_active, is_demo, created_at, joined_at)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var p in people)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(p.Email, NpgsqlDbType.Text);
            await copy.WriteAsync(p.Email.ToUpperInvariant(), NpgsqlDbType.Text);
            await copy.WriteAsync(p.Email, NpgsqlDbType.Text);
            await copy.WriteAsync(p.Email.ToUpperInvariant(), NpgsqlDbType.Text);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            await copy.WriteAsync(hash, NpgsqlDbType.Text);
            await copy.WriteAsync(p.Id.ToString("N"), NpgsqlDbType.Text);
            await copy.WriteAsync(p.Id.ToString(), NpgsqlDbType.Text);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
            await copy.WriteAsync(p.DisplayName, NpgsqlDbType.Text);
            await copy.WriteAsync(p.Role, NpgsqlDbType.Text);
            await copy.WriteNullableAsync(p.TeamId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz); // joined: each has a password
        }

        await copy.CompleteAsync();
    }

    /// <summary>
    /// The firm's clients: relationships with the same organisation name share one organisation (company names repeat,
    /// as real clients have several contacts), and each relationship has a contact of its own.
    /// </summary>
    private static async Task CopyRelationshipsAsync(NpgsqlConnection connection, IReadOnlyList<RelationshipRow> relationships)
    {
        var organisations = relationships.GroupBy(r => Organisation.Normalize(r.ClientOrganisation))
            .Select(g => (Id: Derived(g.First().Id, 1), g.First().ClientOrganisation, Normalized: g.Key, CreatedAt: g.Min(r => r.CreatedAt)))
            .ToList();
        var organisationOf = organisations.ToDictionary(o => o.Normalized, o => o.Id);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY organisations (id, name, normalized_name, domain, is_demo, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var o in organisations)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(o.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(o.ClientOrganisation, NpgsqlDbType.Text);
                await copy.WriteAsync(o.Normalized, NpgsqlDbType.Text);
                await copy.WriteNullAsync();
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(o.CreatedAt, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY contacts (id, organisation_id, name, role, email, opted_out_at, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in relationships)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(Derived(r.Id, 2), NpgsqlDbType.Uuid);
                await copy.WriteAsync(organisationOf[Organisation.Normalize(r.ClientOrganisation)], NpgsqlDbType.Uuid);
                await copy.WriteAsync(r.ContactName, NpgsqlDbType.Text);
                await copy.WriteNullableAsync(r.ContactRole, NpgsqlDbType.Text);
                await copy.WriteNullAsync();
                await copy.WriteNullAsync();
                await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY relationships (id, owner_id, team_id, contact_id, stage, next_review_date, is_demo, created_at, archived_at, version)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var r in relationships)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(r.OwnerId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(r.TeamId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(Derived(r.Id, 2), NpgsqlDbType.Uuid);
                await copy.WriteAsync(r.Stage.ToString(), NpgsqlDbType.Text);
                await copy.WriteAsync(r.NextReviewDate, NpgsqlDbType.Date);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteNullableAsync(r.ArchivedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid);
            }

            await copy.CompleteAsync();
        }
    }

    /// <summary>Another id made from a relationship's, the same on every run: its contact's (2), its organisation's (1).</summary>
    private static Guid Derived(Guid id, byte kind)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        bytes[15] ^= kind;
        bytes[14] ^= 0x5A;
        return new Guid(bytes);
    }

    private static async Task<(int Assessments, int Revisions)> CopyAssessmentsAsync(NpgsqlConnection connection, IEnumerable<AssessmentRow> rows)
    {
        var (assessments, revisions) = (0, 0);
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY assessments (id, relationship_id, author_id, lineage_id, revision, meeting_date, meeting_kind, credibility,
                              reliability, intimacy, self_orientation, trust, note, note_is_private, note_author_id,
                              recorded_at, correction_reason, superseded_at)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var a in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(a.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(a.RelationshipId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(a.AuthorId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(a.LineageId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(a.Revision, NpgsqlDbType.Integer);
            await copy.WriteAsync(a.MeetingDate, NpgsqlDbType.Date);
            await copy.WriteAsync(a.Kind.ToString(), NpgsqlDbType.Text);
            await copy.WriteAsync(a.Factors.Credibility, NpgsqlDbType.Integer);
            await copy.WriteAsync(a.Factors.Reliability, NpgsqlDbType.Integer);
            await copy.WriteAsync(a.Factors.Intimacy, NpgsqlDbType.Integer);
            await copy.WriteAsync(a.Factors.SelfOrientation, NpgsqlDbType.Integer);
            await copy.WriteAsync(TrustEquation.Stored(a.Factors), NpgsqlDbType.Double);
            await copy.WriteNullableAsync(a.Note, NpgsqlDbType.Text);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteNullableAsync(a.Note is null ? (Guid?)null : a.AuthorId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(a.RecordedAt, NpgsqlDbType.TimestampTz);
            await copy.WriteNullableAsync(a.CorrectionReason, NpgsqlDbType.Text);
            await copy.WriteNullableAsync(a.SupersededAt, NpgsqlDbType.TimestampTz);
            revisions++;
            assessments += a.SupersededAt is null ? 1 : 0;
        }

        await copy.CompleteAsync();
        return (assessments, revisions);
    }
}

using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using TrustAdvisor.Domain.Pulses;

namespace TrustAdvisor.Dataset;

/// <summary>Pulses into the pulses table by binary COPY, and fresh links for the benchmark to answer.</summary>
public static class PulseCopy
{
    public static async Task<(int Pulses, int Answered)> CopyAsync(NpgsqlConnection connection, IEnumerable<Pulse> pulses)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(pulses);
        var (count, answered) = (0, 0);
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY pulses (id, relationship_id, advisor_id, asked_by_id, contact_name, token_hash, asked_at, expires_at, status,
                         closed_at, answered_on, submission_id, credibility, reliability, intimacy, interests_first,
                         self_orientation, trust, comment, version)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var p in pulses)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(p.RelationshipId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(p.AdvisorId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(p.AskedById, NpgsqlDbType.Uuid);
            await copy.WriteAsync(p.ContactName, NpgsqlDbType.Text);
            await copy.WriteAsync(p.TokenHash, NpgsqlDbType.Bytea);
            await copy.WriteAsync(p.AskedAt, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(p.ExpiresAt, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(p.Status.ToString(), NpgsqlDbType.Text);
            await copy.WriteNullableAsync(p.ClosedAt, NpgsqlDbType.TimestampTz);
            await copy.WriteNullableAsync(p.AnsweredOn, NpgsqlDbType.Date);
            await copy.WriteNullableAsync(p.SubmissionId, NpgsqlDbType.Uuid);
            await copy.WriteNullableAsync(p.Credibility, NpgsqlDbType.Integer);
            await copy.WriteNullableAsync(p.Reliability, NpgsqlDbType.Integer);
            await copy.WriteNullableAsync(p.Intimacy, NpgsqlDbType.Integer);
            await copy.WriteNullableAsync(p.InterestsFirst, NpgsqlDbType.Integer);
            await copy.WriteNullableAsync(p.SelfOrientation, NpgsqlDbType.Integer);
            await copy.WriteNullableAsync(p.Trust, NpgsqlDbType.Double);
            await copy.WriteNullableAsync(p.Comment, NpgsqlDbType.Text);
            await copy.WriteAsync(p.Version, NpgsqlDbType.Uuid);
            count++;
            answered += p.Status == PulseStatus.Answered ? 1 : 0;
        }

        await copy.CompleteAsync();
        return (count, answered);
    }

    /// <summary>
    /// A new link, open from now, for every active relationship without an open one, each written to
    /// <paramref name="linksFile"/> as the path a client would open ("/pulse/{token}"): the benchmark answers them.
    /// </summary>
    public static async Task<int> OpenLinksAsync(
        NpgsqlConnection connection, FirmGenerator firm, IReadOnlyList<Pulse> pulses, string linksFile, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(firm);
        ArgumentNullException.ThrowIfNull(pulses);
        ArgumentNullException.ThrowIfNull(time);
        var open = pulses.Where(p => p.Status == PulseStatus.Open).Select(p => p.RelationshipId).ToHashSet();
        var now = time.GetUtcNow().UtcDateTime;
        var links = new List<string>();
        var opened = new List<Pulse>();
        foreach (var relationship in firm.Relationships.Where(r => r.ArchivedAt is null && !open.Contains(r.Id)))
        {
            var id = Guid.CreateVersion7(now);
            var token = PulseToken.New(id);
            opened.Add(Pulse.Ask(id, relationship.Id, relationship.OwnerId, relationship.OwnerId, relationship.ContactName, token, now, Pulse.DefaultValidDays));
            links.Add(string.Create(CultureInfo.InvariantCulture, $"/pulse/{token}"));
        }

        await CopyAsync(connection, opened);
        await File.WriteAllLinesAsync(linksFile, links);
        return links.Count;
    }
}

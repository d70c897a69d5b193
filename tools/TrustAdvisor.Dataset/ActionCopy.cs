using Npgsql;
using NpgsqlTypes;

namespace TrustAdvisor.Dataset;

/// <summary>The promises and recovery plans the actions generator made, by binary COPY.</summary>
public static class ActionCopy
{
    public static async Task<(int Commitments, int Plans)> CopyAsync(NpgsqlConnection connection, ActionGenerator actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY commitments (id, relationship_id, assessment_lineage_id, made_by_id, promise, made_on, due_on, status, closed_on, closed_by_id,
                              withdrawn_because, created_at)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var c in actions.Commitments)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(c.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(c.RelationshipId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(c.LineageId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(c.MadeById, NpgsqlDbType.Uuid);
                await copy.WriteAsync(c.Promise, NpgsqlDbType.Varchar);
                await copy.WriteAsync(c.MadeOn, NpgsqlDbType.Date);
                await copy.WriteAsync(c.DueOn, NpgsqlDbType.Date);
                await copy.WriteAsync(c.Status.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteNullableAsync(c.ClosedOn, NpgsqlDbType.Date);
                await copy.WriteNullableAsync(c.ClosedOn is null ? (Guid?)null : c.MadeById, NpgsqlDbType.Uuid);
                await copy.WriteNullableAsync(c.WithdrawnBecause, NpgsqlDbType.Varchar);
                await copy.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY recovery_plans (id, relationship_id, opened_by_id, opened_on, factor, problem, review_on, status, closed_on, closed_by_id, trust_recovered)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var p in actions.Plans)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.RelationshipId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.OpenedById, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.OpenedOn, NpgsqlDbType.Date);
                await copy.WriteAsync(p.Factor.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.Problem, NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.ReviewOn, NpgsqlDbType.Date);
                await copy.WriteAsync(p.Status.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteNullableAsync(p.ClosedOn, NpgsqlDbType.Date);
                await copy.WriteNullableAsync(p.ClosedOn is null ? (Guid?)null : p.OpenedById, NpgsqlDbType.Uuid);
                await copy.WriteNullableAsync(p.TrustRecovered, NpgsqlDbType.Boolean);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY recovery_steps (id, plan_id, what, owner_id, due_on, done_on) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in actions.Steps)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(s.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(s.PlanId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(s.What, NpgsqlDbType.Varchar);
                await copy.WriteAsync(s.OwnerId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(s.DueOn, NpgsqlDbType.Date);
                await copy.WriteNullableAsync(s.DoneOn, NpgsqlDbType.Date);
            }

            await copy.CompleteAsync();
        }

        return (actions.Commitments.Count, actions.Plans.Count);
    }
}

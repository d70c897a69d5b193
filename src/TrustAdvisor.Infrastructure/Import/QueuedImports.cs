using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Import;

/// <summary>
/// Runs the imports people have asked for (the import job, ADR 20): each queued upload is claimed by one instance with a
/// conditional update, imported in one transaction with its progress reported as it goes, and marked imported in that
/// transaction, or failed with the reason once it is rolled back. A claim lapses unless renewed, so an import whose
/// instance stopped is run again by another; its transaction died with it, so nothing is imported twice.
/// </summary>
public sealed partial class QueuedImports(
    TrustAdvisorDbContext db, IServiceScopeFactory scopes, AuditTrail audit, ImportProgressBoard board, TimeProvider time, ILogger<QueuedImports> logger)
{
    /// <summary>Imports every upload waiting (or left by a stopped instance); returns how many it ran.</summary>
    public async Task<int> RunQueuedAsync(CancellationToken cancellationToken)
    {
        var ran = 0;
        while (await ClaimNextAsync(cancellationToken) is { } id)
        {
            try
            {
                await RunAsync(id, cancellationToken);
            }
            finally
            {
                board.Finish(id);
                db.ChangeTracker.Clear();
            }

            ran++;
        }

        return ran;
    }

    private async Task<Guid?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var waiting = await db.ImportUploads
            .Where(u => u.Status == ImportStatus.Queued || (u.Status == ImportStatus.Importing && u.ClaimedUntil < now))
            .OrderBy(u => u.UploadedAt).Select(u => u.Id).Take(10).ToListAsync(cancellationToken);
        foreach (var id in waiting)
        {
            var claimed = await db.ImportUploads
                .Where(u => u.Id == id && (u.Status == ImportStatus.Queued || (u.Status == ImportStatus.Importing && u.ClaimedUntil < now)))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(u => u.Status, ImportStatus.Importing).SetProperty(u => u.ClaimedUntil, now + ImportUpload.ClaimFor)
                        .SetProperty(u => u.RowsDone, 0).SetProperty(u => u.PercentRead, (int?)null),
                    cancellationToken);
            if (claimed == 1)
            {
                return id;
            }
        }

        return null;
    }

    private async Task RunAsync(Guid id, CancellationToken cancellationToken)
    {
        var upload = await db.ImportUploads.AsNoTracking().SingleAsync(u => u.Id == id, cancellationToken);
        if (await ScopeOfAsync(upload.UploadedById, cancellationToken) is not { } scope)
        {
            await FailAsync(id, "You may no longer import, so nothing was imported.", cancellationToken);
            return;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await ImportRun.RunAsync(
                db, upload, scope, time.Today(), time.UtcNow(), apply: true, (rows, fraction, c) => ReportAsync(id, rows, fraction, c), cancellationToken);
            if (result.HasRefusals && !upload.ValidOnly)
            {
                await transaction.RollbackAsync(cancellationToken);
                await FailAsync(id, $"{result.Count(RowOutcomeKind.Refused)} rows are refused, so nothing was imported. Correct them and upload the file again, or import the valid rows only.", cancellationToken);
                return;
            }

            var outcome = result.Totals + (result.HasRefusals ? " (left out)" : string.Empty);
            var now = time.UtcNow();
            await db.ImportUploads.Where(u => u.Id == id).ExecuteUpdateAsync(
                set => set.SetProperty(u => u.Status, ImportStatus.Imported).SetProperty(u => u.ImportedAt, now).SetProperty(u => u.Outcome, outcome)
                    .SetProperty(u => u.Content, []).SetProperty(u => u.RowsDone, result.RowCount).SetProperty(u => u.PercentRead, 100)
                    .SetProperty(u => u.ClaimedUntil, (DateTime?)null),
                cancellationToken);
            audit.Add(AuditKind.Imported, id, $"{upload.Kind} from {upload.FileName}: {outcome}", upload.UploadedById);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (ImportFileException e)
        {
            await FailAsync(id, e.Message, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            LogFailed(logger, id, e);
            await FailAsync(id, "The import stopped on an error, so nothing was imported. Try again; if it happens again, tell your administrator.", cancellationToken);
        }
    }

    /// <summary>The teams the person who uploaded may import into now (they may have changed since the preview).</summary>
    private async Task<ImportScope?> ScopeOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        var person = await db.Users.Where(u => u.Id == userId && u.IsActive).Select(u => new { u.Role, u.TeamId }).SingleOrDefaultAsync(cancellationToken);
        return person?.Role switch
        {
            UserRole.Administrator => new ImportScope(null),
            UserRole.Manager => new ImportScope([.. new[] { person.TeamId }.OfType<Guid>().Concat(await ManagedTeam.OtherTeamsOfAsync(db, userId, cancellationToken))]),
            _ => null,
        };
    }

    private async Task ReportAsync(Guid id, int rowsDone, double? fractionRead, CancellationToken cancellationToken)
    {
        int? percent = fractionRead is { } f ? (int)Math.Round(f * 100) : null;
        board.Report(id, rowsDone, percent);
        if (db.Database.IsSqlite())
        {
            return;
        }

        // Beside the import's transaction, on a connection of its own: seen at once, and the claim renewed.
        await using var scope = scopes.CreateAsyncScope();
        var now = time.UtcNow();
        await scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>().ImportUploads.Where(u => u.Id == id && u.Status == ImportStatus.Importing)
            .ExecuteUpdateAsync(
                set => set.SetProperty(u => u.RowsDone, rowsDone).SetProperty(u => u.PercentRead, percent).SetProperty(u => u.ClaimedUntil, now + ImportUpload.ClaimFor),
                cancellationToken);
    }

    private async Task FailAsync(Guid id, string error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await db.ImportUploads.Where(u => u.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(u => u.Status, ImportStatus.Failed).SetProperty(u => u.Error, error).SetProperty(u => u.ClaimedUntil, (DateTime?)null),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The import of upload {Upload} failed; nothing of it was imported")]
    private static partial void LogFailed(ILogger logger, Guid upload, Exception exception);
}

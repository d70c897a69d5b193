using System.Collections.Concurrent;

namespace TrustAdvisor.Infrastructure.Import;

/// <summary>
/// The progress of the imports this instance runs, as they go. The embedded database takes one writer at a time and the
/// import's transaction is that writer, so progress cannot be written beside it there; on PostgreSQL it is written to
/// the upload's row as well, for the page on any instance.
/// </summary>
public sealed class ImportProgressBoard
{
    private readonly ConcurrentDictionary<Guid, (int RowsDone, int? PercentRead)> _running = new();

    public void Report(Guid upload, int rowsDone, int? percentRead) => _running[upload] = (rowsDone, percentRead);

    public void Finish(Guid upload) => _running.TryRemove(upload, out _);

    public (int RowsDone, int? PercentRead)? Find(Guid upload) => _running.TryGetValue(upload, out var progress) ? progress : null;
}

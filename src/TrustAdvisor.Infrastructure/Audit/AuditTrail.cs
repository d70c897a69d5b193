using Microsoft.AspNetCore.Http;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Audit;

/// <summary>Writes the audit log: who (the signed-in person, if any), what, about whom, from where, when.</summary>
public sealed class AuditTrail(TrustAdvisorDbContext db, IViewerAccessor viewer, IHttpContextAccessor http, TimeProvider time)
{
    /// <summary>Writes the event at once, even if the visitor has gone: what it records has already happened.</summary>
    public async Task RecordAsync(AuditKind kind, Guid? subjectId, string? detail)
    {
        Add(kind, subjectId, detail);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// Adds the event to the request's unit of work, to be saved with what it records (or not at all). A job doing what
    /// someone asked for names them as the actor.
    /// </summary>
    public void Add(AuditKind kind, Guid? subjectId, string? detail, Guid? actorId = null)
    {
        var trimmed = detail?.Trim();
        db.AuditEvents.Add(new AuditEvent
        {
            Id = time.NewId(),
            At = time.UtcNow(),
            Kind = kind,
            ActorId = actorId ?? viewer.Current.UserId,
            SubjectId = subjectId,
            Detail = trimmed is { Length: > AuditEvent.DetailMaxLength } ? trimmed[..AuditEvent.DetailMaxLength] : trimmed,
            Address = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }
}

using Microsoft.EntityFrameworkCore;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>
/// Contexts from the provider's pool (ADR 9), each told whose eyes its queries run for: the scope's viewer (in the
/// web app, the signed-in person of the request; outside a request, the system). The scope's own context is one lease
/// from it; work that runs side by side within one request (a context serves one operation at a time) takes more, and
/// disposes each, which returns it to the pool.
/// </summary>
internal sealed class ViewerContextFactory<TContext>(IDbContextFactory<TContext> pool, IViewerAccessor? viewer = null)
    : IDbContextFactory<TrustAdvisorDbContext>
    where TContext : TrustAdvisorDbContext
{
    public TrustAdvisorDbContext CreateDbContext()
    {
        var db = pool.CreateDbContext();
        db.ViewerAccessor = viewer;
        return db;
    }
}

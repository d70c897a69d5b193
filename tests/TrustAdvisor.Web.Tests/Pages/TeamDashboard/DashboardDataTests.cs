using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Infrastructure.Reporting;
using TrustAdvisor.Web.Pages.TeamDashboard;

namespace TrustAdvisor.Web.Tests.Pages.TeamDashboard;

/// <summary>
/// The dashboard's parts run side by side (ADR 10): when the database cannot be reached, the page still fails with
/// the database's own error, which the error page turns into its 503 ("nothing was saved"), not with a wrapper
/// around seven of them that would read as a 500.
/// </summary>
public class DashboardDataTests
{
    [Fact]
    public async Task Unreachable_database_fails_the_parts_side_by_side_with_an_error_the_503_page_recognises()
    {
        // Nothing listens on port 1 of loopback: every part's connection is refused at once.
        var pool = new PooledDbContextFactory<PostgresDbContext>(new DbContextOptionsBuilder<PostgresDbContext>()
            .UseNpgsql("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=5;Pooling=false").Options);
        var contexts = new CountingContexts(pool);
        var today = new DateOnly(2026, 12, 1);
        var scope = new TeamScope(Guid.NewGuid(), null, null, null, today.AddYears(-1), today, today);

        var error = await Should.ThrowAsync<Exception>(() => DashboardData.QueryAsync(contexts, new DashboardQueries(scope, ByMonth: true, DashboardFilter.DefaultStaleDays), new DashboardFilter(), default));

        error.ShouldNotBeOfType<AggregateException>();
        DatabaseUnavailable.Is(error).ShouldBeTrue(error.ToString());
        contexts.Leased.ShouldBe(7, "each of the seven parts took a context of its own");
    }

    private sealed class CountingContexts(IDbContextFactory<PostgresDbContext> pool) : IDbContextFactory<TrustAdvisorDbContext>
    {
        private int _leased;

        public int Leased => _leased;

        public TrustAdvisorDbContext CreateDbContext()
        {
            Interlocked.Increment(ref _leased);
            var db = pool.CreateDbContext();
            db.ViewerAccessor = FixedViewerAccessor.System;
            return db;
        }
    }
}

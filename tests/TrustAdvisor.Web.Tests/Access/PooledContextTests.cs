using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Access;

/// <summary>
/// DbContexts are pooled (ADR 9), so one instance serves many people in turn: each request must see through its own
/// person's eyes, and a context back in the pool must not keep the last person's.
/// </summary>
public class PooledContextTests(TwoTeams app) : IClassFixture<TwoTeams>
{
    private static async Task<string> ListedAsync(HttpClient client) =>
        string.Join(", ", (await client.GetPageAsync("/")).QuerySelectorAll("table.relationships tbody th a").Select(a => a.TextContent));

    [Fact]
    public async Task Requests_of_two_people_served_by_the_same_pooled_contexts_each_see_their_own_relationships()
    {
        var anna = await app.CreateClientAsync("anna@firm.test");
        var cleo = await app.CreateClientAsync("cleo@firm.test");

        var lists = await Task.WhenAll(Enumerable.Range(0, 20).SelectMany(_ => new[] { ListedAsync(anna), ListedAsync(cleo) }));

        lists.Where((_, i) => i % 2 == 0).Distinct().ShouldBe(["Anna's Client Ltd"]);
        lists.Where((_, i) => i % 2 == 1).Distinct().ShouldBe(["Cleo's Client Ltd"]);
    }

    [Fact]
    public async Task A_context_back_in_the_pool_sees_nothing_until_its_next_lease_says_whose_it_is()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>();
            db.ContextId.Lease.ShouldBeGreaterThan(0, "the context comes from the pool");
            (await db.Relationships.CountAsync()).ShouldBeGreaterThanOrEqualTo(3, "outside a request the app reads as the system");
        }

        var pool = app.Factory.Services.GetRequiredService<IDbContextFactory<PostgresDbContext>>();
        await using var reused = await pool.CreateDbContextAsync();

        reused.ContextId.Lease.ShouldBeGreaterThan(1, "a context used before");
        (await reused.Relationships.CountAsync()).ShouldBe(0);
        (await reused.Assessments.CountAsync()).ShouldBe(0);
    }
}

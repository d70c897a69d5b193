using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Infrastructure.Identity;
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
        string.Join(", ", (await client.GetPageAsync("/")).QuerySelectorAll("table.relationships tbody th a:not(.organisation-link)").Select(a => a.TextContent));

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

    [Fact]
    public async Task Contexts_a_request_takes_for_queries_side_by_side_read_as_its_person_and_go_back_to_the_pool()
    {
        var http = app.Factory.Services.GetRequiredService<IHttpContextAccessor>();
        http.HttpContext = new DefaultHttpContext { User = SignedIn(app.Anna) };
        try
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrustAdvisorDbContext>>();
            var own = scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>();

            var seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                await using var db = contexts.CreateDbContext();
                db.ContextId.Lease.ShouldBeGreaterThan(0, "the context comes from the pool");
                return string.Join(", ", await db.Relationships.Select(r => r.Contact.Organisation.Name).ToListAsync());
            }));

            seen.Distinct().ShouldBe(["Anna's Client Ltd"]);
            (await own.Relationships.Select(r => r.Contact.Organisation.Name).ToListAsync()).ShouldBe(["Anna's Client Ltd"]);
        }
        finally
        {
            http.HttpContext = null;
        }

        var pool = app.Factory.Services.GetRequiredService<IDbContextFactory<PostgresDbContext>>();
        await using var reused = await pool.CreateDbContextAsync();
        (await reused.Relationships.CountAsync()).ShouldBe(0, "a context back in the pool has forgotten whose it was");
    }

    private static ClaimsPrincipal SignedIn(AppUser person) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, person.Id.ToString()),
            new Claim(ClaimTypes.Role, person.Role.ToString()),
            new Claim(AppClaimsPrincipalFactory.TeamClaim, person.TeamId.ToString()!),
        ],
        "Test"));
}

using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Teams;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Tests.Persistence;

/// <summary>The one way a form stores its new row exactly once, against the real database's keys.</summary>
public class SaveOnceTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private Task<SaveOutcome> AddTeamAsync(Guid id, string name) => app.QueryAsync(db =>
    {
        db.Teams.Add(new Team(id, name, app.Clock.GetUtcNow().UtcDateTime));
        return db.SaveOnceAsync(ct => db.Teams.AnyAsync(t => t.Id == id, ct), default);
    });

    [Fact]
    public async Task A_form_saved_a_second_time_finds_its_row_stored_and_stores_nothing()
    {
        var id = Guid.CreateVersion7();
        var name = $"Once {id:N}";

        (await AddTeamAsync(id, name)).ShouldBe(SaveOutcome.Saved);
        (await AddTeamAsync(id, name)).ShouldBe(SaveOutcome.AlreadySaved);

        (await app.QueryAsync(db => db.Teams.CountAsync(t => t.Name == name))).ShouldBe(1);
    }

    [Fact]
    public async Task Another_row_holding_a_unique_value_is_a_conflict_and_nothing_is_kept()
    {
        var name = $"Taken {Guid.NewGuid():N}";
        (await AddTeamAsync(Guid.CreateVersion7(), name)).ShouldBe(SaveOutcome.Saved);

        var second = Guid.CreateVersion7();
        (await AddTeamAsync(second, name)).ShouldBe(SaveOutcome.Conflict);

        (await app.QueryAsync(db => db.Teams.AnyAsync(t => t.Id == second))).ShouldBeFalse();
    }
}

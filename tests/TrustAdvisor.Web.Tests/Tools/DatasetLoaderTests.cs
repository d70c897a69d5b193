using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrustAdvisor.Dataset;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Tools;

/// <summary>The benchmark dataset, at a small size: what it loads, that it loads the same every time, and that the app reads it.</summary>
public class DatasetLoaderTests
{
    private static readonly DatasetSpec Small = new(Teams: 2, AdvisorsPerTeam: 3, Relationships: 30, Assessments: 600, Years: 2, Seed: 7, Today: DateOnly.FromDateTime(FixedClock.Default.UtcDateTime));

    [Fact]
    public void The_same_seed_gives_the_same_firm_and_histories()
    {
        static List<string> Rows()
        {
            var firm = new FirmGenerator(Small);
            firm.GenerateFirm();
            var clients = new PulseGenerator(Small, firm);
            return firm.Relationships.Select(r => $"{r.Id} {r.ClientOrganisation} {r.Stage}")
                .Concat(clients.Watch(firm.Histories()).Select(a => $"{a.Id} {a.MeetingDate} {a.Factors} {a.Revision}"))
                .Concat(clients.Pulses.Select(p => $"{p.Id} {p.Status} {p.AnsweredOn} {p.Factors}"))
                .ToList();
        }

        Rows().ShouldBe(Rows());
    }

    [Fact]
    public void Clients_answer_about_once_a_quarter_in_Establish_and_Maintain_with_each_advisors_bias()
    {
        var firm = new FirmGenerator(Small);
        firm.GenerateFirm();
        var clients = new PulseGenerator(Small, firm);
        var histories = clients.Watch(firm.Histories()).Where(a => a.SupersededAt is null).ToLookup(a => a.RelationshipId);
        var relationships = firm.Relationships.ToDictionary(r => r.Id);

        var pulses = clients.Pulses;

        pulses.Select(p => relationships[p.RelationshipId].Stage).Distinct().Order()
            .ShouldBe([TrustAdvisor.Domain.Relationships.RelationshipStage.Establish, TrustAdvisor.Domain.Relationships.RelationshipStage.Maintain]);
        pulses.GroupBy(p => p.RelationshipId).ShouldAllBe(g => g.Count(p => p.Status == PulseStatus.Open) <= 1);
        var answered = pulses.Where(p => p.Status == PulseStatus.Answered).ToList();
        answered.Count.ShouldBeGreaterThan(pulses.Count * 3 / 4);
        answered.ShouldAllBe(p => p.AnsweredOn >= DateOnly.FromDateTime(p.AskedAt) && p.AnsweredOn <= Small.TodayOrDefault
            && p.AnsweredOn > histories[p.RelationshipId].Min(a => a.MeetingDate));
        var yearsBetweenAnswers = answered.GroupBy(p => p.RelationshipId)
            .Select(g => (g.Max(p => p.AnsweredOn!.Value).DayNumber - g.Min(p => p.AnsweredOn!.Value).DayNumber) / 365.0 / Math.Max(1, g.Count() - 1));
        yearsBetweenAnswers.Average().ShouldBeInRange(0.2, 0.35);
        var gaps = answered.GroupBy(p => p.AdvisorId).Select(g => g.Average(p =>
        {
            var advisor = histories[p.RelationshipId].Last(a => a.MeetingDate <= p.AnsweredOn).Factors;
            return advisor.Credibility + advisor.Reliability + advisor.Intimacy - p.Credibility!.Value - p.Reliability!.Value - p.Intimacy!.Value;
        })).ToList();
        gaps.ShouldContain(g => g > 1.5, "a lenient advisor: clients score them lower");
        gaps.ShouldContain(g => g < -1.5, "a severe advisor: clients score them higher");
    }

    [Fact]
    public async Task It_loads_exactly_what_was_asked_into_an_empty_database_and_the_app_reads_it()
    {
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();

        var links = Path.GetTempFileName();
        var counts = await DatasetLoader.LoadAsync(connectionString, Small with { OpenLinksFile = links }, TextWriter.Null);

        counts.ShouldBe(new LoadedCounts(2, 1 + 2 + 6, 30, 600, counts.Revisions, counts.Pulses, counts.Answered, counts.OpenLinks, counts.Commitments, counts.Plans));
        // About two promises at a quarter of the meetings, most kept on time; each one the meeting's own.
        counts.Commitments.ShouldBeInRange(200, 400);
        (await ScalarAsync(connectionString, "SELECT count(*) FROM commitments")).ShouldBe((long)counts.Commitments);
        (await ScalarAsync(connectionString, """
            SELECT count(*) FROM commitments c
            WHERE NOT EXISTS (SELECT 1 FROM assessments a WHERE a.lineage_id = c.assessment_lineage_id AND a.meeting_date = c.made_on AND a.author_id = c.made_by_id)
            """)).ShouldBe(0L);
        var keptOnTime = (long)(await ScalarAsync(connectionString, "SELECT count(*) FROM commitments WHERE status = 'KeptOnTime'"))!;
        (keptOnTime / (double)counts.Commitments).ShouldBeInRange(0.6, 0.85);
        (await ScalarAsync(connectionString, "SELECT count(*) FROM recovery_plans WHERE status = 'Open'")).ShouldBe((long)counts.Plans);
        (await ScalarAsync(connectionString, "SELECT count(*) FROM recovery_steps")).ShouldBe(3L * counts.Plans);
        (await ScalarAsync(connectionString, "SELECT count(*) FROM assessments WHERE superseded_at IS NULL")).ShouldBe(600L);
        (await ScalarAsync(connectionString, "SELECT count(*) FROM assessments")).ShouldBe((long)counts.Revisions);
        (await ScalarAsync(connectionString, """
            SELECT count(*) FROM assessments
            WHERE trust <> round((credibility + reliability + intimacy)::numeric / self_orientation, 2)
            """)).ShouldBe(0L);
        (await ScalarAsync(connectionString, """
            SELECT count(*) FROM relationships r JOIN users u ON u.id = r.owner_id WHERE u.team_id <> r.team_id OR u.role <> 'Advisor'
            """)).ShouldBe(0L);
        await Should.ThrowAsync<InvalidOperationException>(() => DatasetLoader.LoadAsync(connectionString, Small, TextWriter.Null));
        await EveryActiveRelationshipHasOneOpenLinkAsync(connectionString, counts, links);

        await using var app = new TrustAdvisorFactory("Postgres", connectionString, demoData: false, new FixedClock(FixedClock.Default));
        var manager = app.CreateClient(TrustAdvisorFactory.BrowserLike());
        (await manager.SubmitAsync("/Account/SignIn", new Dictionary<string, string?>
        {
            ["Email"] = DatasetSpec.ManagerEmail(0),
            ["Password"] = DatasetSpec.Password,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var dashboard = await manager.GetPageAsync("/TeamDashboard?period=year");
        dashboard.GetElementById("advisors-heading")!.ParentElement!.QuerySelectorAll("tbody tr").Length.ShouldBe(3);
        dashboard.GetElementById("calibration")!.QuerySelectorAll("tbody tr").Length.ShouldBe(3);
        var link = (await File.ReadAllLinesAsync(links))[0];
        File.Delete(links);
        var sent = await app.CreateClient(TrustAdvisorFactory.BrowserLike())
            .SubmitAsync(link, ClientPulses.Answers(), "form.pulse-form");
        sent.Location().ShouldBe("/pulse/thanks");
        app.Services.GetRequiredService<DatabaseOptions>().Provider.ShouldBe(DatabaseProvider.Postgres);
    }

    /// <summary>Every active relationship has one open link (the unique index allows no more), the ones the file lists included.</summary>
    private static async Task EveryActiveRelationshipHasOneOpenLinkAsync(string connectionString, LoadedCounts counts, string links)
    {
        (await File.ReadAllLinesAsync(links)).Length.ShouldBe(counts.OpenLinks);
        counts.OpenLinks.ShouldBeGreaterThan(0);
        (await ScalarAsync(connectionString, "SELECT count(*) FROM pulses")).ShouldBe((long)(counts.Pulses + counts.OpenLinks));
        (await ScalarAsync(connectionString, "SELECT count(*) FROM pulses WHERE status = 'Answered'")).ShouldBe((long)counts.Answered);
        (await ScalarAsync(connectionString, """
            SELECT count(*) FROM relationships r
            WHERE r.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM pulses p WHERE p.relationship_id = r.id AND p.status = 'Open')
            """)).ShouldBe(0L);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}

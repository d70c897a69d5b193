using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Access;

public class PrivateNotesTests(TwoTeams app) : IClassFixture<TwoTeams>
{
    private const string Secret = "She told me in confidence that the CFO is leaving.";

    private async Task<Guid> AnnaScoresWithAPrivateNoteAsync()
    {
        var anna = await app.CreateClientAsync("anna@firm.test");
        var (action, form) = await anna.ReadFormAsync($"/Relationships/Score/{app.Annas.Id}");
        (form["Input.Credibility"], form["Input.Reliability"], form["Input.Intimacy"], form["Input.SelfOrientation"]) = ("8", "7", "9", "2");
        (form["Input.Note"], form["Input.NoteIsPrivate"]) = (Secret, "true");

        (await anna.PostFormAsync(action, form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(form["AssessmentId"]!);
    }

    [Fact]
    public async Task The_author_reads_a_private_note_and_others_see_only_the_scores()
    {
        var id = await AnnaScoresWithAPrivateNoteAsync();

        var annasView = await (await app.CreateClientAsync("anna@firm.test")).GetPageAsync($"/Relationships/Details/{app.Annas.Id}");
        annasView.GetElementById($"a-{id}")!.TextContent.ShouldContain(Secret);

        foreach (var who in new[] { "maria@firm.test", AppFixture.AdminEmail })
        {
            var client = await app.CreateClientAsync(who);
            var row = (await client.GetPageAsync($"/Relationships/Details/{app.Annas.Id}")).GetElementById($"a-{id}")!;
            row.TextContent.ShouldNotContain("CFO is leaving", customMessage: who);
            row.QuerySelector(".private-note")!.TextContent.ShouldBe("Private note");
            row.QuerySelector("[data-label=T]")!.TextContent.Trim().ShouldBe("12.0");
            var trail = await (await client.GetAsync(new Uri($"/Assessments/Revisions/{id}", UriKind.Relative))).Content.ReadAsStringAsync();
            trail.ShouldNotContain("CFO is leaving", customMessage: who);
        }
    }

    [Fact]
    public async Task A_manager_correcting_it_neither_sees_nor_loses_the_private_note()
    {
        var id = await AnnaScoresWithAPrivateNoteAsync();
        var maria = await app.CreateClientAsync("maria@firm.test");

        var formHtml = await (await maria.GetAsync(new Uri($"/Assessments/Correct/{id}", UriKind.Relative))).Content.ReadAsStringAsync();
        formHtml.ShouldNotContain("CFO is leaving");
        var response = await maria.SubmitAsync($"/Assessments/Correct/{id}", new Dictionary<string, string?>
        {
            ["Reason"] = "Reliability was 6, agreed with Anna",
            ["Input.Reliability"] = "6",
            ["Input.Note"] = "overwritten?",
            ["Input.NoteIsPrivate"] = null,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var current = await app.QueryAsync(db => db.Assessments.SingleAsync(a => a.LineageId == id && a.SupersededAt == null));
        (current.Factors.Reliability, current.Note, current.NoteIsPrivate, current.AuthorId, current.NoteAuthorId).ShouldBe((6, Secret, true, app.Maria.Id, app.Anna.Id));
        var annasView = await (await app.CreateClientAsync("anna@firm.test")).GetPageAsync($"/Relationships/Details/{app.Annas.Id}");
        annasView.GetElementById($"a-{id}")!.TextContent.ShouldContain(Secret); // still hers to read
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Import;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Import;

/// <summary>A long file, read and saved a chunk at a time by the import job, its progress shown to whoever uploaded it.</summary>
public class ProgressTests(ImportApp app) : IClassFixture<ImportApp>
{
    private const int LongFile = ImportRun.RowsPerChunk + 500;

    [Fact]
    public async Task A_file_longer_than_a_chunk_keeps_one_organisation_and_finds_a_repeat_across_chunks()
    {
        var (id, client) = ($"LONG-{Guid.NewGuid():N}"[..14], $"Big Client {Guid.NewGuid():N}"[..20]);
        var rows = Enumerable.Range(1, LongFile - 1)
            .Select(i => $"{id}-{i},{client},,Person {i},person{i}@{id.ToLowerInvariant()}.example,,Establish,{AppFixture.AdminEmail},")
            .Append($"{id}-1,{client},,Someone Else,else@{id.ToLowerInvariant()}.example,,Vet,{AppFixture.AdminEmail},");
        var file = ImportForms.Utf8([ImportForms.RelationshipsHeader, .. rows]);
        var session = await app.CreateClientAsync();

        var preview = await session.PreviewAsync(file);

        preview.Totals().ShouldBe($"{LongFile - 1} new, 0 updated, 0 unchanged, 1 refused.");
        preview.Refusals().ShouldHaveSingleItem().ShouldContain($"{LongFile + 1}, ");
        preview.Refusals()[0].ShouldContain("Repeats row 2");
        preview.QuerySelector("table.outcomes caption")!.TextContent.ShouldBe($"Rows, the first {ImportResult.RowsKept}");
        preview.QuerySelectorAll("table.outcomes tbody tr").Length.ShouldBe(ImportResult.RowsKept);

        (await session.ImportAsync(preview)).Outcome().ShouldBe($"Imported clients.csv: {LongFile - 1} new, 0 updated, 0 unchanged, 1 refused (left out).");
        var upload = Guid.Parse(preview.QuerySelector<IHtmlInputElement>("input[name=UploadId]")!.Value);
        (await app.QueryAsync(db => db.ImportUploads.Where(u => u.Id == upload).Select(u => new { u.RowsDone, u.PercentRead, u.Content.Length }).SingleAsync()))
            .ShouldBe(new { RowsDone = LongFile, PercentRead = (int?)100, Length = 0 });
        (await app.QueryAsync(db => db.Organisations.CountAsync(o => o.Name == client))).ShouldBe(1, "one organisation, though its rows span chunks");
        (await app.QueryAsync(db => db.Relationships.CountAsync(r => r.ExternalId!.StartsWith(id + "-")))).ShouldBe(LongFile - 1);

        (await session.PreviewAsync(file)).Totals().ShouldBe($"0 new, 0 updated, {LongFile - 1} unchanged, 1 refused.", "the same file again");
    }

    [Fact]
    public async Task An_import_whose_instance_stopped_half_way_is_run_again_once()
    {
        var id = $"STOP-{Guid.NewGuid():N}"[..14];
        var session = await app.CreateClientAsync();
        var preview = await session.PreviewAsync(ImportForms.Utf8(ImportForms.RelationshipsHeader, $"{id},Stopped {id},,Jo Bloggs,,,Meet,{AppFixture.AdminEmail},"));
        var upload = Guid.Parse(preview.QuerySelector<IHtmlInputElement>("input[name=UploadId]")!.Value);
        var lapsed = app.Clock.Now.UtcDateTime.AddSeconds(-1);

        // Claimed by an instance that stopped: its transaction went with it, and its claim has lapsed.
        await app.QueryAsync(db => db.ImportUploads.Where(u => u.Id == upload).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.Status, ImportStatus.Importing).SetProperty(u => u.ClaimedUntil, lapsed).SetProperty(u => u.RowsDone, 1)));

        (await session.FinishedImportAsync($"/Import/Progress/{upload}")).Outcome().ShouldBe("Imported clients.csv: 1 new, 0 updated, 0 unchanged, 0 refused.");
        (await app.QueryAsync(db => db.Relationships.CountAsync(r => r.ExternalId == id))).ShouldBe(1);
    }

    [Fact]
    public async Task The_progress_of_an_import_running_elsewhere_is_shown_to_its_uploader_alone()
    {
        var manager = await app.CreatePersonAsync($"manager.{Guid.NewGuid():N}@firm.test", UserRole.Manager);
        var upload = Guid.CreateVersion7();
        await app.QueryAsync(db =>
        {
            db.ImportUploads.Add(new ImportUpload
            {
                Id = upload,
                Kind = ImportKind.Relationships,
                FileName = "crm-export.csv",
                Content = [1],
                UploadedById = manager.Id,
                UploadedAt = app.Clock.Now.UtcDateTime,
                Status = ImportStatus.Importing,
                ClaimedUntil = app.Clock.Now.UtcDateTime.AddHours(1),
                RowsDone = 12_000,
                PercentRead = 48,
            });
            return db.SaveChangesAsync();
        });
        var session = await app.CreateClientAsync(manager.Email!);

        var page = await session.GetPageAsync($"/Import/Progress/{upload}");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Importing crm-export.csv");
        page.QuerySelector("[data-testid=import-progress]")!.TextContent.ShouldBe("12,000 rows done, 48% of the file read…");
        page.QuerySelector("progress")!.GetAttribute("value").ShouldBe("48");
        using var status = JsonDocument.Parse(await session.GetStringAsync(new Uri($"/Import/Progress/{upload}?handler=Status", UriKind.Relative)));
        status.RootElement.GetProperty("finished").GetBoolean().ShouldBeFalse();
        status.RootElement.GetProperty("percent").GetInt32().ShouldBe(48);
        (await (await app.CreateClientAsync()).GetAsync(new Uri($"/Import/Progress/{upload}", UriKind.Relative))).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "another person's upload, an administrator's too");
        (await session.GetAsync(new Uri($"/Import/Progress/{Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture)}", UriKind.Relative))).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }
}

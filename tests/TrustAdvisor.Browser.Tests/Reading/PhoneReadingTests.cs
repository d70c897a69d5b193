using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Pages.Relationships;
using TrustAdvisor.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Reading;

/// <summary>
/// A manager checking the team and an advisor looking back before a meeting, on a phone (390 × 844): how many
/// screens each page takes, and that the first screen holds what the person came for.
/// </summary>
[Collection(BrowserGroup.Name)]
public class PhoneReadingTests(BrowserApp app)
{
    private static readonly Device Phone = Device.Phone;

    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task The_dashboard_answers_how_the_team_is_doing_in_its_first_screen_and_takes_at_most_four_on_a_phone(string deviceName)
    {
        var device = Device.Named(deviceName);
        await using var visit = await app.VisitAsync(device, "team-at-a-glance");
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInAsync(People.Manager);
            await v.GoToAsync("/TeamDashboard");
            await v.SeeInLightAndDarkAsync("dashboard");
            if (!device.IsPhone)
            {
                // A wide screen keeps the filters and the tables open, as they always were.
                await Expect(page.GetByLabel("Period", new() { Exact = true })).ToBeVisibleAsync();
                await Expect(page.Locator("#trend table")).ToBeVisibleAsync();
                await Expect(page.Locator("#slipping tbody tr").Nth(3)).ToBeVisibleAsync();
                await Expect(page.Locator("#team-trend-chart g[data-series='Credibility']")).ToBeVisibleAsync();
                await Expect(page.GetByLabel("Show the four factors")).Not.ToBeVisibleAsync();
                return;
            }

            (await ScreensAsync(page)).ShouldBeLessThanOrEqualTo(4.0, "the dashboard's height in screens, folded as shipped");

            var glance = page.GetByRole(AriaRole.Region, new() { Name = "The team at a glance" });
            foreach (var (label, testId) in new[] { ("Median T", "glance-median"), ("Slipping", "glance-slipping"), ("Overdue reviews", "glance-overdue"), ("Clients' median T", "glance-client") })
            {
                var tile = glance.GetByRole(AriaRole.Link).Filter(new() { HasText = label }).First;
                await Expect(tile).ToContainTextAsync(label);
                await ShouldBeInFirstScreenAsync(page, tile, label);
                await Expect(tile.GetByTestId(testId)).ToHaveTextAsync(new Regex(@"^\d+(\.\d)?$"));
            }

            await Expect(glance.GetByTestId("glance-median").Locator("xpath=..")).ToContainTextAsync(new Regex(@"(since \d+ \w+ \d{4}|no change to show)"));
            var slipping = int.Parse((await glance.GetByTestId("glance-slipping").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
            slipping.ShouldBeGreaterThan(3, "the demo team has more slipping relationships than a phone shows at first");

            // The filters fold behind one control that says what is chosen, and open without a script.
            var filters = page.Locator("details.filters-fold > summary");
            await Expect(filters).ToHaveTextAsync(new Regex("^Filters\\s+Last quarter$"));
            await ShouldBeInFirstScreenAsync(page, filters, "the Filters control");
            await Expect(page.GetByLabel("Period", new() { Exact = true })).Not.ToBeVisibleAsync();
            await v.TapAsync(filters);
            await Expect(page.GetByLabel("Period", new() { Exact = true })).ToBeVisibleAsync();

            // The trend draws the team's T alone at first; the box under it brings in the four factors, without a script.
            var credibility = page.Locator("#team-trend-chart g[data-series='Credibility']");
            await Expect(page.Locator("#team-trend-chart g[data-series='Median T']")).ToBeVisibleAsync();
            await Expect(credibility).Not.ToBeVisibleAsync();
            await v.TapAsync(page.GetByLabel("Show the four factors"));
            await Expect(credibility).ToBeVisibleAsync();

            // A list shows its first rows; its "Show all" or the tile at the top unfolds the rest.
            var slippingRows = page.Locator("#slipping tbody tr");
            (await VisibleCountAsync(slippingRows)).ShouldBe(3);
            await v.TapAsync(glance.GetByRole(AriaRole.Link).Filter(new() { HasText = "Slipping" }));
            (await VisibleCountAsync(slippingRows)).ShouldBe(Math.Min(slipping, 10));
            await v.SeeAsync("slipping-unfolded");
        });
    }

    [Theory]
    [MemberData(nameof(Device.Both), MemberType = typeof(Device))]
    public async Task A_relationship_with_forty_assessments_shows_its_latest_figures_and_chart_first_and_pages_its_history(string deviceName)
    {
        var device = Device.Named(deviceName);
        var relationship = await RelationshipWithFortyAssessmentsAsync($"Forty {device} {Guid.NewGuid():N}"[..24]);
        await using var visit = await app.VisitAsync(device, "long-history");
        await visit.RunAsync(async v =>
        {
            var page = v.Page;
            await v.SignInAsync(People.Advisor);
            await v.GoToAsync($"/Relationships/Details/{relationship.Id}");
            await v.SeeInLightAndDarkAsync("first-page");
            if (device.IsPhone)
            {
                (await ScreensAsync(page)).ShouldBeLessThanOrEqualTo(3.0, "the relationship's height in screens with its first page of history");
            }

            // Newest: 8 · 8 · 7 · 2 (T 11.5) after 8 · 8 · 7 · 4 (T 5.8): self-orientation fell, a step up.
            var summary = page.GetByRole(AriaRole.Region, new() { Name = "Latest assessment" });
            await Expect(summary.GetByTestId("latest-trust")).ToHaveTextAsync("11.5");
            await Expect(summary.Locator(".factor-summary")).ToHaveTextAsync(new Regex(@"Credibility\s*8\s*Reliability\s*8\s*Intimacy\s*7\s*Self-orientation\s*2"));
            await Expect(summary.Locator(".change-sentence")).ToHaveTextAsync("T rose from 5.8 to 11.5, because self-orientation fell from 4 to 2.");
            foreach (var (what, target) in new[]
            {
                ("latest T", summary.GetByTestId("latest-trust")),
                ("the factors", summary.Locator(".factor-summary")),
                ("the change and why", summary.Locator(".change-sentence")),
                ("the Score button", page.GetByRole(AriaRole.Link, new() { Name = "Score a meeting" })),
                ("the chart", page.Locator("#trust-chart")),
            })
            {
                await ShouldBeInFirstScreenAsync(page, target, what);
            }

            // The axis's dates stand level and apart; the newest point, a step, is a diamond. (The chart is drawn after the first paint.)
            await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && Chart.getChart(document.getElementById('trust-chart')) !== undefined");
            var axis = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
                () => {
                    const chart = Chart.getChart(document.getElementById('trust-chart'));
                    const x = chart.scales.x;
                    chart.ctx.font = Chart.helpers.toFont(x.options.ticks.font).string;
                    const labels = x.ticks.map((t, i) => ({ at: x.getPixelForTick(i), width: chart.ctx.measureText(String(t.label)).width }));
                    const overlaps = labels.slice(1).filter((l, i) => l.at - labels[i].at < (l.width + labels[i].width) / 2).length;
                    const t = chart.data.datasets[0];
                    return { rotation: x.labelRotation, ticks: labels.length, overlaps, newest: t.pointStyle[t.pointStyle.length - 1] };
                }
                """);
            axis.GetProperty("rotation").GetDouble().ShouldBe(0);
            axis.GetProperty("ticks").GetInt32().ShouldBeGreaterThan(2);
            axis.GetProperty("overlaps").GetInt32().ShouldBe(0);
            axis.GetProperty("newest").GetString().ShouldBe("rectRot");

            // T stands out: on a phone the factors wait behind the legend and the button.
            var toggle = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("the four factors$") });
            await Expect(toggle).ToHaveTextAsync(device.IsPhone ? "Show the four factors" : "Hide the four factors");
            await v.TapAsync(toggle);
            await Expect(toggle).ToHaveTextAsync(device.IsPhone ? "Hide the four factors" : "Show the four factors");

            var rows = page.Locator("table.history tbody tr");
            await Expect(rows).ToHaveCountAsync(RelationshipHistory.PageSize);
            await Expect(rows.First.Locator("th")).ToContainTextAsync("Step");
            await v.TapAsync(page.GetByRole(AriaRole.Link, new() { Name = "Older assessments" }));
            await Expect(page.GetByText(new Regex("^Assessments before"))).ToBeVisibleAsync();
            await Expect(rows).ToHaveCountAsync(RelationshipHistory.PageSize);
            await Expect(rows.Last.Locator("[data-label=Change]")).ToHaveTextAsync("first");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Older assessments" })).ToHaveCountAsync(0);
            await v.SeeInLightAndDarkAsync("second-page");
            await v.TapAsync(page.GetByRole(AriaRole.Link, new() { Name = "Back to the newest" }));
            await Expect(rows.First.Locator(".trust")).ToHaveTextAsync("11.5");
        });
    }

    [Fact]
    public async Task Every_demo_relationships_page_takes_at_most_three_screens_on_a_phone()
    {
        var relationships = await app.QueryAsync(db => db.Relationships.Where(r => r.IsDemo && r.ArchivedAt == null)
            .Select(r => new { r.Id, ClientOrganisation = r.Contact.Organisation.Name, Owner = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.Email).First() })
            .ToListAsync());
        relationships.Count.ShouldBeGreaterThan(10);
        await using var visit = await app.VisitAsync(Phone, "demo-relationships");
        await visit.RunAsync(async v =>
        {
            // The manager sees every relationship of the demo team, as the advisors each see theirs.
            await v.SignInAsync(People.Manager);
            var tallest = new List<string>();
            foreach (var relationship in relationships)
            {
                await v.GoToAsync($"/Relationships/Details/{relationship.Id}");
                await v.Page.WaitForLoadStateAsync(LoadState.Load);
                var screens = await ScreensAsync(v.Page);
                if (screens > 3.0)
                {
                    tallest.Add($"{relationship.ClientOrganisation}: {screens:0.00} screens");
                }
            }

            tallest.ShouldBeEmpty("demo relationships whose page is taller than three phone screens");
            await v.SeeAsync("last-demo-relationship");
        });
    }

    /// <summary>
    /// A relationship of the demo advisor's scored every four weeks for three years: T wanders, notes of one line and of
    /// several, and the newest meeting a step up (S from 4 to 2).
    /// </summary>
    private Task<Relationship> RelationshipWithFortyAssessmentsAsync(string client) => app.QueryAsync(async db =>
    {
        var advisorEmail = People.Advisor.Email;
        var advisor = await db.Users.SingleAsync(u => u.Email == advisorEmail);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = app.Clock.Today;
        var relationship = await TestClients.AddRelationshipAsync(db, new RelationshipDetails(client, "Sam Lee", "Finance director", RelationshipStage.Maintain, today.AddDays(20)), advisor.Id, advisor.TeamId!.Value, now);
        for (var i = 0; i < 40; i++)
        {
            var factors = i switch
            {
                39 => new TrustFactors(8, 8, 7, 2),
                38 => new TrustFactors(8, 8, 7, 4),
                _ => new TrustFactors(5 + (i % 4), 6 + (i % 3), 4 + (i % 5), 3 + (i % 3)),
            };
            var note = (i % 3) switch
            {
                0 => "Quarterly review; they asked for the board pack a week earlier next time.",
                1 => "Short call.",
                _ => null,
            };
            if (i % 7 == 0)
            {
                note = "Workshop on the budget.\nThey want the forecast split by region, and the CFO joined for the last hour.";
            }

            db.Assessments.Add(Assessment.Record(
                Guid.CreateVersion7(), relationship.Id, advisor.Id,
                new ScoredMeeting(today.AddDays(-28 * (39 - i)), i % 2 == 0 ? MeetingKind.InPerson : MeetingKind.Video, factors, note), now, today));
        }

        await db.SaveChangesAsync();
        return relationship;
    });


    private static async Task<double> ScreensAsync(IPage page) =>
        await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight") / (double)Phone.Height;

    /// <summary>The element is whole within the first screen, as the page opens (scrolled to the top).</summary>
    private static async Task ShouldBeInFirstScreenAsync(IPage page, ILocator target, string what)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Expect(target).ToBeVisibleAsync();
        var box = await target.BoundingBoxAsync() ?? throw new InvalidOperationException($"{what} has no box.");
        var viewport = page.ViewportSize!;
        (box.Y + box.Height).ShouldBeLessThanOrEqualTo(viewport.Height, $"{what} ends below the first screen");
        box.Y.ShouldBeGreaterThanOrEqualTo(0, what);
    }

    private static Task<int> VisibleCountAsync(ILocator rows) =>
        rows.EvaluateAllAsync<int>("rows => rows.filter(r => r.checkVisibility()).length");
}

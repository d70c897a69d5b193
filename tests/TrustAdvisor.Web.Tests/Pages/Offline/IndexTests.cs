using System.Net;
using System.Net.Http.Json;
using TrustAdvisor.Web.Pages.Offline;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Offline;

public class IndexTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task The_session_handler_names_the_person_signed_in_and_is_never_cached()
    {
        var phone = await app.CreateClientAsync();

        var response = await phone.GetAsync(new Uri("/Offline?handler=Session", UriKind.Relative));

        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var session = (await response.Content.ReadFromJsonAsync<OfflineSession>())!;
        session.Person.ShouldBe(app.Admin.Id.ToString());
        session.Token.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_offline_page_holds_nothing_of_anyone_and_says_what_works_without_scripts()
    {
        var page = await app.CreateAnonymousClient().GetPageAsync("/Offline");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Scores on this phone");
        page.QuerySelector("[data-offline-list]")!.TextContent.Trim().ShouldBe("Nothing is waiting on this phone: every score you saved has been sent.");
        page.QuerySelector("noscript")!.TextContent.ShouldContain("only when JavaScript is on");
        page.QuerySelector("meta[name=trustadvisor-person]").ShouldBeNull();
        page.QuerySelector("[data-offline-list]")!.GetAttribute("data-kept").ShouldBe("false", "only the worker's copy lists the phone's last person's scores");
        (await app.CreateAnonymousClient().GetPageAsync("/Offline?kept=1")).QuerySelector("[data-offline-list]")!.GetAttribute("data-kept").ShouldBe("true");
    }

    [Fact]
    public async Task The_service_worker_script_names_its_release_and_the_fingerprinted_shell_and_is_revalidated_each_time()
    {
        var response = await app.CreateAnonymousClient().GetAsync(new Uri("/sw.js", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
        var script = await response.Content.ReadAsStringAsync();
        script.ShouldMatch(@"self\.RELEASE = ""[0-9a-f]{16}"";");
        script.ShouldMatch(@"""/css/site\.[a-z0-9]+\.css""");
        script.ShouldContain("\"/Offline?kept=1\"");
        script.ShouldMatch(@"importScripts\(""/js/offline-store\.[a-z0-9]+\.js"", ""/js/offline-worker\.[a-z0-9]+\.js""\);");
    }
}

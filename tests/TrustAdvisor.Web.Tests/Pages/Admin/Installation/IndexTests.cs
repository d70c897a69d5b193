using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Mvc.Testing;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Admin.Installation;

/// <summary>An installation set up as the guide says: public HTTPS address, SMTP over TLS, keys under a certificate, its host name.</summary>
public sealed class WellConfiguredInstall : PostgresApp
{
    private readonly TempFolder _folder = new();

    protected override IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var path = Path.Combine(_folder.Path, "keys.pfx");
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=TrustAdvisor installation check", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "test-password"));
            return new Dictionary<string, string>
            {
                ["DataProtection:Certificate:Path"] = path,
                ["DataProtection:Certificate:Password"] = "test-password",
                ["Mail:PublicUrl"] = "https://trust.example.test/",
                ["Mail:SmtpHost"] = "smtp.example.test",
                ["Mail:ReminderCheckMinutes"] = "0",
                ["Mail:DeliveryIntervalSeconds"] = "3600",
                ["AllowedHosts"] = "localhost;trust.example.test",
            };
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}

public class InstallationCheckTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static Dictionary<string, string> Statuses(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("li[data-check]").ToDictionary(li => li.GetAttribute("data-check")!, li => li.QuerySelector(".badge")!.TextContent);

    [Fact]
    public async Task A_trial_installation_shows_what_to_fix_with_how()
    {
        var page = await (await app.CreateClientAsync()).GetPageAsync("/Admin/Installation");

        var statuses = Statuses(page);
        statuses.ShouldBe(new Dictionary<string, string>
        {
            ["Demo data"] = "OK",
            ["First administrator"] = "OK",
            ["Public address"] = "To fix",
            ["HTTPS"] = "OK",
            ["Email"] = "To fix",
            ["Keys at rest"] = "To fix",
            ["Sessions"] = "OK",
            ["Host names"] = "To fix",
            ["Database"] = "OK",
            ["Backups"] = "Yours",
        });
        page.QuerySelector("li[data-check='Public address'] .hint")!.TextContent.ShouldContain("Mail__PublicUrl");
        page.QuerySelector(".lead")!.TextContent.ShouldContain("4 points need fixing");
    }

    [Fact]
    public async Task Plain_http_as_the_app_sees_it_is_a_point_to_fix()
    {
        // A browser on HTTPS behind a TLS proxy the app does not list: it sends its cookies, the app sees plain HTTP.
        var signIn = await app.CreateAnonymousClient().SubmitAsync(
            "/Account/SignIn", new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = AppFixture.Password });
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-TrustAdvisor.Session=", StringComparison.Ordinal)).Split(';')[0];
        var behindProxy = app.Factory.CreateClient(
            new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://trust.example.test/"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Admin/Installation", UriKind.Relative));
        request.Headers.Add("Cookie", session);

        var response = await behindProxy.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Statuses(await HtmlForms.ParseAsync(response))["HTTPS"].ShouldBe("To fix");
    }

    [Fact]
    public async Task Only_administrators_see_it()
    {
        var advisor = await app.CreatePersonAsync($"curious.{Guid.NewGuid():N}@firm.test", TrustAdvisor.Infrastructure.Identity.UserRole.Manager);

        (await (await app.CreateClientAsync(advisor.Email!)).GetAsync(new Uri("/Admin/Installation", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public class WellConfiguredInstallationCheckTests(WellConfiguredInstall app) : IClassFixture<WellConfiguredInstall>
{
    [Fact]
    public async Task An_installation_set_up_as_the_guide_says_has_nothing_to_fix()
    {
        var page = await (await app.CreateClientAsync()).GetPageAsync("/Admin/Installation");

        page.QuerySelectorAll("li[data-check] .badge").Select(b => b.TextContent).Distinct().ShouldBe(["OK", "Yours"], ignoreOrder: true);
        page.QuerySelector(".lead")!.TextContent.ShouldContain("Nothing to fix");
    }
}

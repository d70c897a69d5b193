using System.Net;
using TrustAdvisor.Web.Security;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Security;

public class SignInRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_refused_for_a_minute_with_a_plain_page()
    {
        var visitor = app.CreateAnonymousClient();
        var wrong = new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = "not the password" };

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await visitor.SubmitAsync("/Account/SignIn", wrong)).StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
        }

        var refused = await visitor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = AppFixture.Password });

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await HtmlForms.ParseAsync(refused)).QuerySelector("h1")!.TextContent.ShouldBe("Too many attempts");
        (await visitor.GetAsync(new Uri("/Account/SignIn", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var failures = await app.QueryAsync(db => Task.FromResult(db.SignInFailures.Count(f => f.AccountKey == PasswordCheck.AccountKey(AppFixture.AdminEmail))));
        failures.ShouldBe(3); // the refused attempt never reached the password check
    }

    [Fact]
    public async Task Setup_posts_are_limited_per_address_like_sign_in()
    {
        var visitor = app.CreateAnonymousClientFrom("203.0.113.60");
        var (_, fields) = await visitor.ReadFormAsync("/Account/SignIn");
        fields["Input.SetupCode"] = "AAAA-BBBB-CCCC-DDDD-EEEE";

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            statuses.Add((await visitor.PostFormAsync("/Setup", fields)).StatusCode);
        }

        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);
    }
}

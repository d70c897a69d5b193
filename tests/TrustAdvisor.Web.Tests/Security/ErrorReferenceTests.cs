using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Security;

/// <summary>
/// A person who hits an error quotes the reference on the page; an administrator finds the request's log line by it.
/// A failure is made by a request the app cannot serve: an address that throws, added behind the app's own pipeline.
/// </summary>
public class ErrorReferenceTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private const string FailingAddress = "/test/fails";

    [Fact]
    public async Task An_unexpected_failure_shows_a_plain_500_page_whose_reference_is_in_the_log_line_of_the_request()
    {
        var logs = new CapturedLogs();
        await using var factory = app.Factory.WithWebHostBuilder(host =>
        {
            host.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>("TrustAdvisor", LogLevel.Information));
            host.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingAddressFilter>());
        });
        var visitor = factory.CreateClient(TrustAdvisorFactory.BrowserLike());
        (await visitor.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = AppFixture.AdminEmail, ["Password"] = AppFixture.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await visitor.GetAsync(new Uri(FailingAddress, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Something went wrong");
        var text = page.QuerySelector("main")!.TextContent;
        text.ShouldNotContain("InvalidOperationException");
        text.ShouldNotContain("at TrustAdvisor");
        var reference = page.QuerySelector("main code")!.TextContent.Trim();
        reference.ShouldNotBeNullOrWhiteSpace();
        var line = logs.Lines.Where(l => l.Contains(reference, StringComparison.Ordinal)
            && l.Contains($"GET {FailingAddress} responded 500", StringComparison.Ordinal)).ShouldHaveSingleItem(string.Join("\n", logs.Lines));
        line.ShouldContain($"person {app.Admin.Id}", customMessage: "the signed-in person's id, for an operator to follow");
        line.ShouldNotContain(AppFixture.AdminEmail, customMessage: "never their email");
    }

    private sealed class FailingAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            next(builder);
            builder.Use((HttpContext context, RequestDelegate rest) => context.Request.Path == FailingAddress
                ? throw new InvalidOperationException("A failure the app did not expect.")
                : rest(context));
        };
    }
}

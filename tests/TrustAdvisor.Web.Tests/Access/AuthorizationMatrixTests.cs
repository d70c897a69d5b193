using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Security;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Access;

/// <summary>
/// Every page and every handler the app has, discovered from its endpoints, for every kind of visitor, against
/// a relationship owned by Anna in team A. A page without a rule below fails the test: decide who may see it.
/// </summary>
public class AuthorizationMatrixTests(TwoTeams app) : IClassFixture<TwoTeams>
{
    private enum Rule
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,
        /// <summary>Gone once an administrator exists (404 for everyone).</summary>
        SetupOnly,
        /// <summary>Open to anyone where single sign-on is configured; here it is not, so 404 for everyone (SingleSignOnTests covers it on).</summary>
        SingleSignOnOnly,
        /// <summary>Any signed-in person.</summary>
        SignedIn,
        /// <summary>Anna's relationship or assessment: Anna, her manager Maria, administrators.</summary>
        AnnasResource,
        /// <summary>Administration: administrators only.</summary>
        Administrators,
        /// <summary>Team figures: managers (each for their own team) and administrators.</summary>
        Managers,
        /// <summary>
        /// The client's pulse: no account, a valid link. Here the link is malformed, so everyone, signed in or not, gets
        /// the same "not open" page with 404 (ClientLinkTests covers valid, used, expired, withdrawn and tampered links).
        /// </summary>
        ClientLink,
        /// <summary>An import's progress: only the person who uploaded the file (here Maria); anyone else, an administrator too, gets 404.</summary>
        UploadersOwn,
        /// <summary>An emailed link with a signed token (unsubscribe): here a made-up token, so everyone gets 404 (UnsubscribeTests covers real and tampered ones).</summary>
        SignedLink,
    }

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["/Account/SignIn"] = Rule.Public,
        ["/Account/ForgotPassword"] = Rule.Public,
        ["/Account/ResetPassword"] = Rule.Public,
        ["/Account/SignInCode"] = Rule.Public,
        ["/Account/Invitation"] = Rule.Public,
        ["/Account/ConnectCalendar"] = Rule.SignedIn,
        ["/Account/SingleSignOn"] = Rule.SingleSignOnOnly,
        ["/Error"] = Rule.Public,
        ["/Offline/Index"] = Rule.Public, // holds nothing from the server: the phone's kept scores are read by script
        ["/Offline/ServiceWorker"] = Rule.Public,
        ["/Pulses/Thanks"] = Rule.Public,
        ["/Pulses/Answer"] = Rule.ClientLink,
        ["/Mail/Unsubscribe"] = Rule.SignedLink,
        ["/Pulses/Stop"] = Rule.SignedLink,
        ["/Calendar/Feed"] = Rule.SignedLink,
        ["/Setup/Index"] = Rule.SetupOnly,
        ["/Account/SignOut"] = Rule.SignedIn,
        ["/Account/Password"] = Rule.SignedIn,
        ["/Account/Settings"] = Rule.SignedIn,
        ["/Account/Sessions"] = Rule.SignedIn,
        ["/Account/TwoFactor"] = Rule.SignedIn,
        ["/Account/Confirm"] = Rule.SignedIn,
        ["/Overview/Index"] = Rule.SignedIn,
        ["/TeamDashboard/Index"] = Rule.Managers,
        ["/Import/Index"] = Rule.Managers,
        ["/Import/Progress"] = Rule.UploadersOwn,
        ["/Admin/Contacts/Index"] = Rule.Administrators,
        ["/Admin/Contacts/Details"] = Rule.Administrators,
        ["/Relationships/Index"] = Rule.SignedIn,
        ["/Relationships/Create"] = Rule.SignedIn,
        ["/Relationships/Details"] = Rule.AnnasResource,
        ["/Organisations/Details"] = Rule.AnnasResource, // the organisation of Anna's only relationship there
        ["/Relationships/Score"] = Rule.AnnasResource,
        ["/Relationships/Edit"] = Rule.AnnasResource,
        ["/Relationships/Archive"] = Rule.AnnasResource,
        ["/Relationships/HandOff"] = Rule.AnnasResource,
        ["/Relationships/Ask"] = Rule.AnnasResource,
        ["/Assessments/Correct"] = Rule.AnnasResource,
        ["/Assessments/Revisions"] = Rule.AnnasResource,
        ["/Commitments/Settle"] = Rule.AnnasResource, // a promise made to Anna's client
        ["/Recovery/Open"] = Rule.AnnasResource,
        ["/Recovery/Plan"] = Rule.AnnasResource, // the recovery plan of Anna's relationship
        ["/Admin/Teams/Index"] = Rule.Administrators,
        ["/Admin/Teams/RemoveDemo"] = Rule.Administrators,
        ["/Admin/Installation/Index"] = Rule.Administrators,
        ["/Admin/Audit/Index"] = Rule.Administrators,
        ["/Admin/Mail/Index"] = Rule.Administrators,
        ["/Admin/People/Index"] = Rule.Administrators,
        ["/Admin/People/Invite"] = Rule.Administrators,
        ["/Admin/People/Edit"] = Rule.Administrators,
        ["/Admin/People/Leave"] = Rule.Administrators,
        ["/Admin/Teams/Edit"] = Rule.Administrators,
        ["/Admin/People/Password"] = Rule.Administrators,
        ["/Admin/SignInPolicy/Index"] = Rule.Administrators,
    };

    private sealed record Call(string Page, string Method, string Url, Rule Rule);

    private List<Call> Calls(AppUser target)
    {
        var calls = new List<Call>();
        var pages = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(p => p.Page is not null)
            .DistinctBy(p => p.Page!.ViewEnginePath);
        foreach (var (endpoint, page) in pages)
        {
            Rules.TryGetValue(page!.ViewEnginePath, out var rule).ShouldBeTrue($"{page.ViewEnginePath} has no authorization rule in this test.");
            var id = page.ViewEnginePath.StartsWith("/Assessments/", StringComparison.Ordinal) ? app.AnnasAssessment.Id
                : page.ViewEnginePath.StartsWith("/Admin/People/", StringComparison.Ordinal) ? target.Id
                : page.ViewEnginePath == "/Admin/Teams/Edit" ? app.Annas.TeamId!.Value
                : page.ViewEnginePath.StartsWith("/Organisations/", StringComparison.Ordinal) ? app.Annas.Contact.OrganisationId
                : page.ViewEnginePath.StartsWith("/Admin/Contacts/", StringComparison.Ordinal) ? app.Annas.ContactId
                : page.ViewEnginePath == "/Import/Progress" ? app.MariasUpload
                : page.ViewEnginePath.StartsWith("/Commitments/", StringComparison.Ordinal) ? app.AnnasCommitment.Id
                : page.ViewEnginePath == "/Recovery/Plan" ? app.AnnasPlan.Id
                : app.Annas.Id;
            var url = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
                .Replace("{token?}", "not-a-link", StringComparison.Ordinal);
            foreach (var handler in page.HandlerMethods)
            {
                var query = new List<string>();
                if (handler.Name is { } name)
                {
                    query.Add($"handler={name}");
                }

                if (handler.Parameters.Any(p => p.Name == "id") && !url.Contains(id.ToString(), StringComparison.Ordinal))
                {
                    query.Add($"id={target.Id}");
                }

                if (handler.Parameters.Any(p => p.Name == "pulse"))
                {
                    query.Add($"pulse={Guid.NewGuid()}");
                }

                if (handler.Parameters.Any(p => p.Name == "table"))
                {
                    query.Add("table=advisors");
                }

                calls.Add(new Call(page.ViewEnginePath, handler.HttpMethod, query.Count == 0 ? url : $"{url}?{string.Join('&', query)}", rule));
            }
        }

        // Signing out ends the session the remaining calls use: keep it last.
        return calls.OrderBy(c => c.Page == "/Account/SignOut")
            .ThenBy(c => string.Equals(c.Method, "POST", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    private static bool Allowed(Rule rule, string? who) => rule switch
    {
        Rule.Public => true,
        Rule.SetupOnly => false,
        Rule.SignedIn => who is not null,
        Rule.AnnasResource => who is "anna" or "maria" or "admin",
        Rule.Administrators => who is "admin",
        Rule.Managers => who is "maria" or "max" or "admin",
        Rule.UploadersOwn => who is "maria",
        _ => false,
    };

    [Fact]
    public void The_pages_open_without_an_account_are_the_apps_one_list_and_each_has_the_rate_limit_it_names()
    {
        var withoutAccount = Rules.Where(r => r.Value is Rule.Public or Rule.ClientLink or Rule.SignedLink or Rule.SetupOnly or Rule.SingleSignOnOnly).Select(r => r.Key);
        withoutAccount.Order().ShouldBe(AnonymousPages.All.Select(p => p.Page).Order());

        var pages = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()?.ViewEnginePath, Endpoint: e))
            .Where(p => p.Page is not null)
            .ToList();
        pages.Where(p => p.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(p => p.Page!).Distinct().Order()
            .ShouldBe(AnonymousPages.All.Select(p => p.Page).Order());
        foreach (var (page, endpoint) in pages)
        {
            var expected = AnonymousPages.All.SingleOrDefault(p => p.Page == page)?.RateLimit;
            endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName.ShouldBe(expected, page);
            if (expected is not null)
            {
                endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>().ShouldNotBeNull(page);
            }
        }
    }

    [Fact]
    public async Task Posting_to_a_page_that_only_shows_information_is_refused_plainly()
    {
        var anna = await app.CreateClientAsync("anna@firm.test");
        var (_, tokenForm) = await anna.ReadFormAsync("/Account/SignIn");

        foreach (var url in new[] { $"/Relationships/Details/{app.Annas.Id}", $"/Assessments/Revisions/{app.AnnasAssessment.Id}", "/" })
        {
            var response = await anna.PostFormAsync(url, tokenForm);
            response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed, url);
            (await HtmlForms.ParseAsync(response)).QuerySelector("h1")!.TextContent.ShouldBe("That cannot be done here");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("anna")]
    [InlineData("ben")]
    [InlineData("maria")]
    [InlineData("cleo")]
    [InlineData("max")]
    [InlineData("admin")]
    public async Task Every_page_and_handler_answers_each_visitor_as_the_rules_say(string? who)
    {
        var target = await app.CreatePersonAsync($"target.{Guid.NewGuid():N}@firm.test", UserRole.Advisor);
        var client = who is null ? app.CreateAnonymousClient()
            : await app.CreateClientAsync(who == "admin" ? AppFixture.AdminEmail : $"{who}@firm.test");
        var (_, tokenForm) = await client.ReadFormAsync("/Account/SignIn");
        var calls = Calls(target);
        calls.Count.ShouldBeGreaterThan(25);
        var failures = new List<string>();

        foreach (var call in calls)
        {
            using var response = string.Equals(call.Method, "GET", StringComparison.OrdinalIgnoreCase)
                ? await client.GetAsync(new Uri(call.Url, UriKind.Relative))
                : await client.PostFormAsync(call.Url, tokenForm);
            var status = (int)response.StatusCode;
            var signOut = who is not null && call.Page == "/Account/SignOut" && status == 302;
            var toSignIn = !signOut && status == 302 && response.Headers.Location?.OriginalString.Contains("/Account/SignIn?ReturnUrl", StringComparison.Ordinal) == true;
            var outcome = status >= 500 ? "server error"
                : call.Rule is Rule.SetupOnly or Rule.SingleSignOnOnly or Rule.ClientLink or Rule.SignedLink ? (status == 404 ? "ok" : $"{call.Page} answered {status}")
                : who is null && call.Rule != Rule.Public ? (toSignIn ? "ok" : $"anonymous got {status}, not the sign-in page")
                : Allowed(call.Rule, who) ? (status != 404 && !toSignIn ? "ok" : $"refused with {status}")
                : status == 404 ? "ok" : $"should be 404, got {status}";
            if (outcome != "ok")
            {
                failures.Add($"{call.Method} {call.Url} ({call.Rule}) as {who ?? "anonymous"}: {outcome}");
            }
        }

        failures.ShouldBeEmpty();
        if (who is "ben" or "cleo" or "max")
        {
            // Denied posts changed nothing of Anna's.
            var annas = await app.QueryAsync(db => db.Relationships.AsNoTracking().Include(r => r.Contact).ThenInclude(c => c.Organisation).SingleAsync(r => r.Id == app.Annas.Id));
            (annas.Contact.Organisation.Name, annas.IsArchived).ShouldBe(("Anna's Client Ltd", false));
            (await app.QueryAsync(db => db.Assessments.CountAsync(a => a.LineageId == app.AnnasAssessment.LineageId))).ShouldBe(1);
            (await app.QueryAsync(db => db.Commitments.AsNoTracking().SingleAsync(c => c.Id == app.AnnasCommitment.Id))).IsOpen.ShouldBeTrue();
            (await app.QueryAsync(db => db.RecoveryPlans.AsNoTracking().Include(p => p.Steps).SingleAsync(p => p.Id == app.AnnasPlan.Id))).Steps.Count.ShouldBe(1);
        }
    }
}

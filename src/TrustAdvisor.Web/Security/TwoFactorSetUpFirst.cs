using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// Someone whose role must use two-factor and who has not set it up (their cookie says so: AppClaimsPrincipalFactory)
/// is sent to set it up from every page but that one, signing out and the pages open to anyone. Not when they signed
/// in through single sign-on: the firm's provider asks for its own second factor.
/// </summary>
internal sealed class TwoFactorSetUpFirst : IAsyncPageFilter
{
    public const string SetUpPage = "/Account/TwoFactor";

    private static readonly HashSet<string> StillOpen =
        [SetUpPage, "/Account/SignOut", .. AnonymousPages.All.Select(p => p.Page)];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // Signed in by the single sign-on provider: its own second factor is the firm's to require (docs/single-sign-on.md).
        var user = context.HttpContext.User;
        if (user.HasClaim(c => c.Type == AppClaimsPrincipalFactory.MustSetUpTwoFactorClaim) && !user.HasClaim(c => c.Type == Sessions.ProviderClaim)
            && !StillOpen.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new RedirectToPageResult(SetUpPage);
            return;
        }

        await next();
    }
}

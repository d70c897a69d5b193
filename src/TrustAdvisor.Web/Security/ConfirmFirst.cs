using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// Marks a page handler as one of the most sensitive administrator actions (ASVS 3.7.1): it runs only if the person
/// proved who they are on this session within the last few minutes (signing in, or confirming on /Account/Confirm).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConfirmFirstAttribute : Attribute;

/// <summary>
/// Sends someone whose last proof is older than <see cref="ValidFor"/> to confirm it is them (password, or a code
/// from their authenticator app), then back to the page to do it again. Nothing of the action has run by then.
/// </summary>
internal sealed class ConfirmFirst(TimeProvider time) : IAsyncPageFilter
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromMinutes(5);
    public const string ConfirmPage = "/Account/Confirm";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod?.MethodInfo.IsDefined(typeof(ConfirmFirstAttribute), inherit: false) == true
            && !await ConfirmedLatelyAsync(context.HttpContext))
        {
            context.Result = new RedirectToPageResult(ConfirmPage, new { ReturnUrl = context.HttpContext.Request.Path.Value });
            return;
        }

        await next();
    }

    private async Task<bool> ConfirmedLatelyAsync(HttpContext http)
    {
        if (Sessions.IdOf(http.User) is not { } sessionId)
        {
            return false;
        }

        var db = http.RequestServices.GetRequiredService<TrustAdvisorDbContext>();
        var confirmedAt = await db.UserSessions.Where(s => s.Id == sessionId).Select(s => (DateTime?)s.ConfirmedAt).FirstOrDefaultAsync(http.RequestAborted);
        return confirmedAt is { } at && time.UtcNow() - at <= ValidFor;
    }
}

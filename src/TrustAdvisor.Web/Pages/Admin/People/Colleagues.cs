using Microsoft.AspNetCore.Mvc.Rendering;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Admin.People;

/// <summary>Who can take over a person's relationships: the active, joined advisors and managers of their team.</summary>
internal static class Colleagues
{
    public static async Task<IReadOnlyList<SelectListItem>> OfAsync(TrustAdvisorDbContext db, AppUser person, CancellationToken cancellationToken) =>
        await db.Users
            .Where(u => u.TeamId == person.TeamId && person.TeamId != null && u.Id != person.Id && u.IsActive && u.JoinedAt != null
                && (u.Role == UserRole.Advisor || u.Role == UserRole.Manager))
            .OrderBy(u => u.DisplayName)
            .Select(u => new OptionRow(u.DisplayName, u.Id))
            .ToOptionsAsync(cancellationToken);
}

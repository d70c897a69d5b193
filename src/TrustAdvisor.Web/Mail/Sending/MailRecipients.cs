using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>The one query for the people a kind of email may go to: active, with an address, and whom the kind picks.</summary>
public static class MailRecipients
{
    public static async Task<IReadOnlyList<MailRecipient>> ListAsync(
        TrustAdvisorDbContext db, Expression<Func<AppUser, bool>> picks, string defaultTimeZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = await db.Users
            .Where(u => u.IsActive && u.Email != null)
            .Where(picks)
            .Select(u => new
            {
                u.Id,
                Email = u.Email!,
                u.DisplayName,
                u.TeamId,
                Team = db.Teams.Where(t => t.Id == u.TeamId).Select(t => t.Name).FirstOrDefault(),
                Preferences = db.MailPreferences.FirstOrDefault(p => p.UserId == u.Id),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return people
            .Select(p => new MailRecipient(p.Id, p.Email, p.DisplayName, p.TeamId, p.Team, p.Preferences ?? MailPreferences.For(p.Id, defaultTimeZone)))
            .ToList();
    }
}

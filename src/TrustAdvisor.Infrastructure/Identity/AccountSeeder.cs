using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace TrustAdvisor.Infrastructure.Identity;

/// <summary>The first administrator for unattended installs, and the demo accounts of the embedded default.</summary>
public static class AccountSeeder
{
    /// <summary>Documented in the README (for `dotnet run`) and shown on the sign-in page while demo data is on.</summary>
    public static readonly IReadOnlyList<(string Email, string Password, string DisplayName, UserRole Role)> DemoAccounts =
    [
        ("advisor@demo.trustadvisor.test", "demo-advisor-2026", "Alex Advisor (demo)", UserRole.Advisor),
        ("manager@demo.trustadvisor.test", "demo-manager-2026", "Morgan Manager (demo)", UserRole.Manager),
        ("admin@demo.trustadvisor.test", "demo-admin-2026", "Ada Administrator (demo)", UserRole.Administrator),
    ];

    public static Task<bool> AdministratorExistsAsync(UserManager<AppUser> users) =>
        users.Users.AnyAsync(u => u.Role == UserRole.Administrator && u.IsActive);

    /// <summary>Creates a person; returns Identity's errors (password rules, duplicate email) when it cannot.</summary>
    public static async Task<IdentityResult> CreateAsync(
        UserManager<AppUser> users, string email, string password, string displayName, UserRole role, DateTime nowUtc,
        Guid? teamId = null, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(users);
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            Role = role,
            TeamId = teamId,
            IsDemo = isDemo,
            CreatedAt = nowUtc,
            JoinedAt = nowUtc,
        };
        return await users.CreateAsync(user, password);
    }

    /// <summary>The demo team's people; returns the ids of its advisors, who own the demo relationships.</summary>
    public static async Task<IReadOnlyList<Guid>> SeedDemoAccountsAsync(UserManager<AppUser> users, Guid teamId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(users);
        // Two more advisors make a team; their passwords are random, so they only own relationships.
        var colleagues = new[]
        {
            ("sam.okafor@demo.trustadvisor.test", $"{Guid.NewGuid():N}", "Sam Okafor (demo)", UserRole.Advisor),
            ("priya.raman@demo.trustadvisor.test", $"{Guid.NewGuid():N}", "Priya Raman (demo)", UserRole.Advisor),
        };
        var advisors = new List<Guid>();
        foreach (var (email, password, name, role) in DemoAccounts.Concat(colleagues))
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                Ensure(await CreateAsync(users, email, password, name, role, nowUtc, teamId, isDemo: true), email);
                user = (await users.FindByEmailAsync(email))!;
            }

            if (user.Role == UserRole.Advisor)
            {
                advisors.Add(user.Id);
            }
        }

        return advisors;
    }

    public static void Ensure(IdentityResult result, string who)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the account {who}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

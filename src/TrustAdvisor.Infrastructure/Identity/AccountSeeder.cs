using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace TrustAdvisor.Infrastructure.Identity;

/// <summary>The first administrator for unattended installs, and the demo accounts of the embedded default.</summary>
public static class AccountSeeder
{
    /// <summary>Documented in the README and shown on the sign-in page in demo mode only.</summary>
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
        UserManager<AppUser> users, string email, string password, string displayName, UserRole role, DateTime nowUtc, bool isDemo = false)
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
            IsDemo = isDemo,
            CreatedAt = nowUtc,
        };
        return await users.CreateAsync(user, password);
    }

    public static async Task SeedDemoAccountsAsync(UserManager<AppUser> users, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(users);
        foreach (var (email, password, name, role) in DemoAccounts)
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                Ensure(await CreateAsync(users, email, password, name, role, nowUtc, isDemo: true), email);
            }
        }
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

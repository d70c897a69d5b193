using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using TrustAdvisor.Infrastructure.Identity;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// Refuses the passwords found most often in breached-password lists (ASVS 2.1.7): the 10,000 most common of at least
/// 12 characters, shipped with the app (<c>CommonPasswords.txt</c>, see <c>CommonPasswords.NOTICE.md</c>), compared
/// ignoring case. Every way a password is set goes through Identity's validators, so this one check covers them all.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<AppUser>
{
    public const string Refused = "That password is one of the most common in lists of breached passwords: choose another. "
        + "A phrase of a few unrelated words is easy to remember and hard to guess.";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static bool Contains(string password) => List.Value.Contains(password);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && Contains(password)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = Refused })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("TrustAdvisor.Web.Security.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Forms;

internal static class NewPassword
{
    /// <summary>The checks both password pages make before Identity's own rules.</summary>
    public static bool Validate(ModelStateDictionary modelState, string? newPassword, string? confirmation)
    {
        if (string.IsNullOrEmpty(newPassword) || newPassword.Length < Accounts.MinimumPasswordLength)
        {
            modelState.AddModelError("NewPassword", $"The new password must have at least {Accounts.MinimumPasswordLength} characters.");
        }
        else if (newPassword != confirmation)
        {
            modelState.AddModelError("ConfirmPassword", "The two passwords are not the same.");
        }

        return modelState.IsValid;
    }
}

using FluentValidation;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Account;

public sealed record ChangePasswordInput(string? CurrentPassword, string? NewPassword, string? ConfirmPassword) : INewPassword;

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        Include(new NewPasswordValidator());
    }
}

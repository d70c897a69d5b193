using FluentValidation;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Forms;

/// <summary>A new password typed twice, as both password pages take it (one's own, and an administrator's reset).</summary>
public interface INewPassword
{
    string? NewPassword { get; }
    string? ConfirmPassword { get; }
}

public sealed record NewPasswordInput(string? NewPassword, string? ConfirmPassword) : INewPassword;

/// <summary>The checks before Identity's own rules; the confirmation is compared once the password itself passes.</summary>
public sealed class NewPasswordValidator : AbstractValidator<INewPassword>
{
    public NewPasswordValidator()
    {
        var tooShort = $"The new password must have at least {Accounts.MinimumPasswordLength} characters.";
        RuleFor(x => x.NewPassword).Password(tooShort, tooShort).DependentRules(() =>
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("The two passwords are not the same."));
    }
}

using FluentValidation;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Setup;

public sealed class SetupInput
{
    /// <summary>The one-time code from the app's log; asked for outside Development only (SetupCode).</summary>
    public string? SetupCode { get; set; }

    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class SetupInputValidator : AbstractValidator<SetupInput>
{
    public SetupInputValidator()
    {
        RuleFor(x => x.DisplayName).RequiredText("Enter your name.", AppUser.DisplayNameMaxLength).WithName("Your name");
        RuleFor(x => x.Email).SignInEmail("Enter your email address.");
        RuleFor(x => x.Password).Password(
            "Choose a password.", $"Choose a password of at least {Accounts.MinimumPasswordLength} characters; a short phrase is easy to remember.");
        RuleFor(x => x.ConfirmPassword)
            .Equal(x => x.Password).WithMessage("The two passwords are not the same.");
    }
}

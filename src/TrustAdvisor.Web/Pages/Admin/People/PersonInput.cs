using FluentValidation;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Admin.People;

public sealed class PersonInput
{
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public UserRole? Role { get; set; }
    public Guid? TeamId { get; set; }
}

public sealed class PersonInputValidator : AbstractValidator<PersonInput>
{
    public PersonInputValidator()
    {
        RuleFor(x => x.DisplayName).RequiredText("Enter the person's name.", AppUser.DisplayNameMaxLength).WithName("Name");
        RuleFor(x => x.Email).SignInEmail("Enter the person's email address.");
        RuleFor(x => x.Role).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choose a role: Advisor, Manager or Administrator.")
            .IsInEnum().WithMessage("Choose a role: Advisor, Manager or Administrator.");
        RuleFor(x => x.TeamId)
            .NotNull().When(x => x.Role is UserRole.Advisor or UserRole.Manager)
            .WithMessage("Advisors and managers work in a team: choose one.");
    }
}

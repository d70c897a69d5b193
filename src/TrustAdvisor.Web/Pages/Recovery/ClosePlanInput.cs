using FluentValidation;

namespace TrustAdvisor.Web.Pages.Recovery;

public enum PlanOutcome
{
    Achieved,
    Abandoned,
}

/// <summary>Closing a plan: achieved or abandoned, and the answer to "did trust recover?".</summary>
public sealed class ClosePlanInput
{
    public PlanOutcome? Outcome { get; set; }
    public bool? TrustRecovered { get; set; }
}

public sealed class ClosePlanValidator : AbstractValidator<ClosePlanInput>
{
    public ClosePlanValidator()
    {
        RuleFor(x => x.Outcome).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choose how the plan ended: achieved or abandoned.")
            .IsInEnum().WithMessage("Choose how the plan ended: achieved or abandoned.");
        RuleFor(x => x.TrustRecovered).NotNull().WithMessage("Say whether trust recovered.");
    }
}

using FluentValidation;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Recovery;

/// <summary>A recovery plan as opened: the factor, the problem in the client's words, the day to look again, the first steps.</summary>
public sealed class OpenPlanInput
{
    public const int StepRows = 3;
    public const int MaxDaysToReview = 366;

    public Factor? Factor { get; set; }
    public string? Problem { get; set; }
    public DateOnly? ReviewOn { get; set; }
    public List<StepInput> Steps { get; set; } = [];

    public IEnumerable<StepInput> StepsGiven => Steps.Where(s => !s.IsBlank);
}

public sealed class OpenPlanValidator : AbstractValidator<PlanContext<OpenPlanInput>>
{
    public OpenPlanValidator()
    {
        RuleFor(x => x.Input.Factor).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choose the factor to recover.")
            .IsInEnum().WithMessage("Choose the factor to recover.")
            .OverridePropertyName("Factor");
        RuleFor(x => x.Input.Problem)
            .RequiredText("Write the problem as the client would state it.", RecoveryPlan.ProblemMaxLength, multiline: true)
            .WithName("The problem")
            .OverridePropertyName("Problem");
        RuleFor(x => x.Input.ReviewOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Give the day to look again.")
            .Must((x, day) => day > x.Today).WithMessage("The day to look again is after today.")
            .Must((x, day) => day <= x.Today.AddDays(OpenPlanInput.MaxDaysToReview)).WithMessage("Look again within a year.")
            .OverridePropertyName("ReviewOn");
        RuleFor(x => x).Custom((x, context) =>
        {
            var rows = x.Input.Steps;
            if (rows.Count > OpenPlanInput.StepRows)
            {
                context.AddFailure("Steps", $"Give at most {OpenPlanInput.StepRows} steps here; add more on the plan's page.");
                return;
            }

            if (!x.Input.StepsGiven.Any())
            {
                context.AddFailure("Steps", "Give at least one step: what will be done, by whom, by when.");
            }

            for (var i = 0; i < rows.Count; i++)
            {
                if (!rows[i].IsBlank)
                {
                    foreach (var failure in StepRules.Check(rows[i], $"Steps[{i}]", x.Team, x.Today, x.Input.ReviewOn))
                    {
                        context.AddFailure(failure);
                    }
                }
            }
        });
    }
}

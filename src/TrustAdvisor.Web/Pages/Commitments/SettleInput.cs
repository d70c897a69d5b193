using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Commitments;

public enum CommitmentOutcome
{
    Kept,
    Broken,
    Withdrawn,
}

/// <summary>How a promise ended: kept on a day (on time or late follows from it), broken, or withdrawn with a reason.</summary>
public sealed class SettleInput
{
    public CommitmentOutcome? Outcome { get; set; }
    public DateOnly? KeptOn { get; set; }
    public string? Reason { get; set; }

    /// <summary>The day the promise was made: the earliest it can have been kept. Set from the commitment, never posted.</summary>
    [BindNever]
    public DateOnly MadeOn { get; set; }
}

public sealed class SettleInputValidator : AbstractValidator<SettleInput>
{
    public SettleInputValidator(TimeProvider time)
    {
        RuleFor(x => x.Outcome).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choose how it ended: kept, broken or withdrawn.")
            .IsInEnum().WithMessage("Choose how it ended: kept, broken or withdrawn.");
        RuleFor(x => x.KeptOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Give the day it was kept.")
            .Must((input, day) => day >= input.MadeOn).WithMessage(input => $"It cannot have been kept before it was made, on {Formatting.Display.Date(input.MadeOn)}.")
            .Must(day => day <= time.Today()).WithMessage("The day it was kept cannot be in the future.")
            .When(x => x.Outcome == CommitmentOutcome.Kept);
        RuleFor(x => x.Reason)
            .RequiredText("Say why it was withdrawn: the client changed their mind, the work was cancelled…", Commitment.ReasonMaxLength)
            .WithName("The reason")
            .When(x => x.Outcome == CommitmentOutcome.Withdrawn);
    }
}

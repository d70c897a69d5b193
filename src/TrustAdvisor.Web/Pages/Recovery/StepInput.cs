using FluentValidation;
using FluentValidation.Results;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Recovery;

/// <summary>One step of a recovery plan as typed: what, whose, by when. A row left blank is no step.</summary>
public sealed class StepInput
{
    public string? What { get; set; }
    public Guid? OwnerId { get; set; }
    public DateOnly? DueOn { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(What) && OwnerId is null && DueOn is null;
}

/// <summary>The checks of a step row: given in full, the owner one of the team's people, due from today to the day to look again.</summary>
internal static class StepRules
{
    public static IEnumerable<ValidationFailure> Check(StepInput row, string prefix, IReadOnlySet<Guid> team, DateOnly today, DateOnly? reviewOn)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(team);
        var whatError = TextRules.RequiredTextError(row.What, "Say what will be done.", RecoveryStep.WhatMaxLength, "The step");
        if (whatError is not null)
        {
            yield return new ValidationFailure($"{prefix}.What", whatError);
        }

        if (row.OwnerId is not { } owner)
        {
            yield return new ValidationFailure($"{prefix}.OwnerId", "Choose who does it.");
        }
        else if (!team.Contains(owner))
        {
            yield return new ValidationFailure($"{prefix}.OwnerId", "Choose someone in the relationship's team.");
        }

        var dueError = row.DueOn is not { } due ? "Give the day it is due."
            : due < today ? "A step cannot be due in the past."
            : reviewOn is { } review && due > review ? "A step is due by the day to look again."
            : null;
        if (dueError is not null)
        {
            yield return new ValidationFailure($"{prefix}.DueOn", dueError);
        }
    }
}

/// <summary>A step added to an open plan; the team and the plan's review day are set by the page, never posted.</summary>
public sealed class AddStepInput
{
    public StepInput Step { get; set; } = new();
}

public sealed class AddStepValidator : AbstractValidator<PlanContext<AddStepInput>>
{
    public AddStepValidator() =>
        RuleFor(x => x).Custom((x, context) =>
        {
            foreach (var failure in StepRules.Check(x.Input.Step, "Step", x.Team, x.Today, x.ReviewOn))
            {
                context.AddFailure(failure);
            }
        });
}

/// <summary>An input with what its checks need from the database: the team's people, today, the plan's review day.</summary>
public sealed record PlanContext<T>(T Input, IReadOnlySet<Guid> Team, DateOnly Today, DateOnly? ReviewOn);

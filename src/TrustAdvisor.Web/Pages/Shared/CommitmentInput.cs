using FluentValidation;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>A promise noted while scoring, with the day it is due; a row left blank is no promise.</summary>
public sealed class CommitmentInput
{
    /// <summary>The rows the score form offers; a longer list is not from the form.</summary>
    public const int MaxPerMeeting = 3;

    /// <summary>How far ahead a promise may fall due: further than that is a plan, not a promise.</summary>
    public const int MaxDaysAhead = 366;

    public string? Promise { get; set; }
    public DateOnly? DueOn { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Promise) && DueOn is null;
}

/// <summary>The promise rows of one meeting: each one complete, due on or after the meeting and within a year of it.</summary>
internal static class CommitmentRules
{
    public static void AddCommitmentRules(this AbstractValidator<MeetingInput> validator) =>
        validator.RuleFor(x => x.Commitments).Custom((rows, context) =>
        {
            if (rows.Count > CommitmentInput.MaxPerMeeting)
            {
                context.AddFailure($"Note at most {CommitmentInput.MaxPerMeeting} commitments with one meeting.");
                return;
            }

            var met = context.InstanceToValidate.MeetingDate;
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                if (row.IsBlank)
                {
                    continue;
                }

                var promiseError = TextRules.RequiredTextError(row.Promise, "Write what was promised, or clear its due date.", Commitment.PromiseMaxLength, "The promise");
                if (promiseError is not null)
                {
                    context.AddFailure($"Commitments[{i}].Promise", promiseError);
                }

                var dueError = row.DueOn is not { } due ? "Give the day it is due."
                    : met is { } day && due < day ? "A commitment cannot be due before the meeting it was made in."
                    : met is { } from && due > from.AddDays(CommitmentInput.MaxDaysAhead) ? "A commitment is due within a year of the meeting; further ahead, make it the review date."
                    : null;
                if (dueError is not null)
                {
                    context.AddFailure($"Commitments[{i}].DueOn", dueError);
                }
            }
        });
}

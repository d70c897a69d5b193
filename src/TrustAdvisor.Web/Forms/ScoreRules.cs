using FluentValidation;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Web.Forms;

/// <summary>The one rule for a score on the 1-10 scale (<see cref="TrustFactors.IsValidScore"/>), advisor's or client's.</summary>
public static class ScoreRules
{
    /// <param name="rule">The rule of the score's property.</param>
    /// <param name="whenMissing">The message when nothing was chosen.</param>
    /// <param name="whenOutOfRange">The message for a number off the scale.</param>
    /// <param name="whenZero">For self-orientation: the message for 0, which would make T undefined.</param>
    public static IRuleBuilderOptions<T, int?> OnTheScale<T>(
        this IRuleBuilderInitial<T, int?> rule, string whenMissing, string whenOutOfRange, string? whenZero = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var given = rule.Cascade(CascadeMode.Stop).NotNull().WithMessage(whenMissing);
        if (whenZero is not null)
        {
            given = given.Must(s => s != 0).WithMessage(whenZero);
        }

        return given.Must(s => TrustFactors.IsValidScore(s!.Value)).WithMessage(whenOutOfRange);
    }
}

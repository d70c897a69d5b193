using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using FluentValidation;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Pulses;

/// <summary>What the client sends: four answers from 1 to 10 and an optional comment.</summary>
public sealed class ClientAnswerInput
{
    // Display names: a value that cannot even be read as a number is named by them (BindingMessages).
    [Display(Name = "I can believe what they tell me")]
    public int? Credibility { get; set; }

    [Display(Name = "They do what they say they will")]
    public int? Reliability { get; set; }

    [Display(Name = "I can raise difficult things with them")]
    public int? Intimacy { get; set; }

    [Display(Name = "They put my interests first")]
    public int? InterestsFirst { get; set; }

    [Display(Name = "Your comment")]
    public string? Comment { get; set; }

    public int? this[string field] => field switch
    {
        nameof(Credibility) => Credibility,
        nameof(Reliability) => Reliability,
        nameof(Intimacy) => Intimacy,
        nameof(InterestsFirst) => InterestsFirst,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not an answer."),
    };

    /// <summary>Only call once validated.</summary>
    public ClientAnswers ToAnswers() => new(Credibility!.Value, Reliability!.Value, Intimacy!.Value, InterestsFirst!.Value);
}

public sealed class ClientAnswerInputValidator : AbstractValidator<ClientAnswerInput>
{
    public ClientAnswerInputValidator()
    {
        Answer(x => x.Credibility, ClientStatement.Credibility);
        Answer(x => x.Reliability, ClientStatement.Reliability);
        Answer(x => x.Intimacy, ClientStatement.Intimacy);
        Answer(x => x.InterestsFirst, ClientStatement.InterestsFirst);
        RuleFor(x => x.Comment).Cascade(CascadeMode.Stop)
            .AtMost(Pulse.CommentMaxLength)
            .PlainText(multiline: true)
            .WithName("Your comment");
    }

    private void Answer(Expression<Func<ClientAnswerInput, int?>> answer, ClientStatement statement) =>
        RuleFor(answer).OnTheScale(
            $"Choose a number from {TrustFactors.Min} to {TrustFactors.Max} for \"{statement.Summary}\".",
            $"The answer to \"{statement.Summary}\" must be a whole number from {TrustFactors.Min} to {TrustFactors.Max}.");
}

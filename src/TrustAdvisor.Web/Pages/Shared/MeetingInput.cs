using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using FluentValidation;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Coaching;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>What an advisor enters about one meeting; used to score and to correct.</summary>
public sealed class MeetingInput
{
    [Display(Name = "Meeting date")]
    public DateOnly? MeetingDate { get; set; }

    [Display(Name = "Kind of meeting")]
    public MeetingKind? Kind { get; set; }

    [Display(Name = "Credibility")]
    public int? Credibility { get; set; }

    [Display(Name = "Reliability")]
    public int? Reliability { get; set; }

    [Display(Name = "Intimacy")]
    public int? Intimacy { get; set; }

    [Display(Name = "Self-orientation")]
    public int? SelfOrientation { get; set; }

    [Display(Name = "Note")]
    public string? Note { get; set; }

    [Display(Name = "Keep the note private")]
    public bool NoteIsPrivate { get; set; }

    /// <summary>Promises made in the meeting (scoring only; blank rows are none).</summary>
    public List<CommitmentInput> Commitments { get; set; } = [];

    /// <summary>Constructive risks taken in the meeting (scoring only).</summary>
    public List<ConstructiveRisk> Risks { get; set; } = [];

    public IEnumerable<CommitmentInput> PromisesMade => Commitments.Where(c => !c.IsBlank);

    public int? this[Factor factor] => factor.Pick(Credibility, Reliability, Intimacy, SelfOrientation);

    public static MeetingInput From(Assessment assessment) => new()
    {
        MeetingDate = assessment.MeetingDate,
        Kind = assessment.MeetingKind,
        Credibility = assessment.Factors.Credibility,
        Reliability = assessment.Factors.Reliability,
        Intimacy = assessment.Factors.Intimacy,
        SelfOrientation = assessment.Factors.SelfOrientation,
        Note = assessment.Note,
        NoteIsPrivate = assessment.NoteIsPrivate,
    };

    /// <summary>Only call once validated.</summary>
    public ScoredMeeting ToScoredMeeting() => new(
        MeetingDate!.Value,
        Kind!.Value,
        new TrustFactors(Credibility!.Value, Reliability!.Value, Intimacy!.Value, SelfOrientation!.Value),
        Note,
        NoteIsPrivate);
}

public sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
{
    public MeetingInputValidator(TimeProvider time)
    {
        RuleFor(x => x.MeetingDate).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the date of the meeting.")
            .Must(d => d >= Assessment.EarliestMeetingDate).WithMessage("The meeting date cannot be before 1 January 1990.")
            .Must(d => d <= time.Today()).WithMessage("The meeting date cannot be in the future.");
        RuleFor(x => x.Kind).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choose the kind of meeting.")
            .IsInEnum().WithMessage("Choose the kind of meeting: in person, call, video or email/other.");
        Factor(x => x.Credibility, "Credibility");
        Factor(x => x.Reliability, "Reliability");
        Factor(x => x.Intimacy, "Intimacy");
        Factor(x => x.SelfOrientation, "Self-orientation", whenZero: "Self-orientation cannot be 0: T would be undefined. Score it from 1 (all about them) to 10.");
        RuleFor(x => x.Note).Cascade(CascadeMode.Stop)
            .AtMost(Assessment.NoteMaxLength)
            .PlainText(multiline: true)
            .WithName("The note");
        this.AddCommitmentRules();
        RuleForEach(x => x.Risks).IsInEnum().WithMessage("Choose constructive risks from the list.");
    }

    private void Factor(Expression<Func<MeetingInput, int?>> factor, string name, string? whenZero = null) =>
        RuleFor(factor).OnTheScale(
            $"Score {name} from {TrustFactors.Min} to {TrustFactors.Max}.",
            $"{name} must be a whole number from {TrustFactors.Min} to {TrustFactors.Max}.",
            whenZero);
}

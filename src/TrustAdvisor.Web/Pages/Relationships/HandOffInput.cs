using FluentValidation;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>A hand-off's note (whether the chosen advisor may take the relationship is the page's question).</summary>
public sealed record HandOffInput(string? Note);

public sealed class HandOffInputValidator : AbstractValidator<HandOffInput>
{
    public HandOffInputValidator() =>
        RuleFor(x => x.Note)
            .RequiredText("Say why the relationship changes hands; the history keeps this note.", HandOff.NoteMaxLength, multiline: true)
            .WithName("The note");
}

using FluentValidation;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Assessments;

/// <summary>Why a correction is made, the part of the correction form beside the meeting's fields.</summary>
public sealed record CorrectionInput(string? Reason);

public sealed class CorrectionInputValidator : AbstractValidator<CorrectionInput>
{
    public CorrectionInputValidator() =>
        RuleFor(x => x.Reason)
            .RequiredText("Say why you are correcting this assessment.", Assessment.CorrectionReasonMaxLength, multiline: true)
            .WithName("The reason");
}

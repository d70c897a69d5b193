using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Infrastructure.Pulses;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Mail.ClientPulses;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Pulses;

/// <summary>
/// The client's page, reached by their personal link without an account: four statements about their advisor, answered
/// once. Every link that cannot be answered (used, expired, withdrawn, replaced, tampered, archived) shows the same page,
/// which says nothing about the relationship or whether it exists.
/// </summary>
public sealed class AnswerModel(
    TrustAdvisorDbContext db, IValidator<ClientAnswerInput> validator, TimeProvider time, IOptions<PulseOptions> options) : PageModel
{
    [BindProperty]
    public ClientAnswerInput Input { get; set; } = new();

    /// <summary>This answer form's id, chosen when it is shown: the same form sent twice is one answer.</summary>
    [BindProperty]
    public Guid SubmissionId { get; set; }

    public string? AdvisorName { get; private set; }
    public string FirmName => options.Value.FirmName;

    /// <summary>False when the link cannot be answered: the page then only says so.</summary>
    public bool IsOpen => AdvisorName is not null;

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        var link = await db.FindAsync(PulseToken.Parse(token), cancellationToken);
        if (link is null || !link.CanBeAnsweredAt(time.UtcNow()))
        {
            return Unavailable();
        }

        AdvisorName = link.AdvisorName;
        SubmissionId = time.NewId();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        var link = await db.FindAsync(PulseToken.Parse(token), cancellationToken);
        if (link is null)
        {
            return Unavailable();
        }

        if (!link.CanBeAnsweredAt(time.UtcNow()))
        {
            return await db.HoldsAnswerAsync(link.Pulse.Id, SubmissionId, cancellationToken) ? Thanks() : Unavailable();
        }

        AdvisorName = link.AdvisorName;
        if (!ModelState.RequireFormId(SubmissionId) || !await validator.ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        link.Pulse.Answer(SubmissionId, Input.ToAnswers(), Input.Comment, time.UtcNow());
        if (await db.SaveOnceAsync(ct => db.HoldsAnswerAsync(link.Pulse.Id, SubmissionId, ct), cancellationToken) == SaveOutcome.Conflict)
        {
            return Unavailable();
        }

        if (link.Pulse.SentByEmail)
        {
            // After the answer is kept: should this fail, a reminder reaches someone who answered and opens a closed link.
            await PulseMail.CancelReminderAsync(db, link.Pulse.Id, CancellationToken.None);
        }
        return Thanks();
    }

    public IReadOnlyList<ScaleField> Statements() => ClientStatement.All
        .Select(s => new ScaleField(
            s.Field, s.Statement(AdvisorName!), s.Hint, s.Low, s.Middle, s.High,
            ModelState.TryGetValue($"Input.{s.Field}", out var entry) ? entry.AttemptedValue : Input[s.Field]?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ModelState.FirstError($"Input.{s.Field}")))
        .ToList();

    private RedirectToPageResult Thanks() => RedirectToPage("Thanks");

    /// <summary>One page, and one status, for every link that cannot be answered.</summary>
    private PageResult Unavailable()
    {
        AdvisorName = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Coaching;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Recovery;

/// <summary>
/// Opening a recovery plan for a relationship (its owner, their manager, an administrator: whoever may see it). One
/// open plan a relationship; the form's id makes a resubmitted form open it once.
/// </summary>
public sealed class OpenModel(
    TrustAdvisorDbContext db, IValidator<PlanContext<OpenPlanInput>> validator, TimeProvider time, IViewerAccessor viewer, AuditTrail audit) : PageModel
{
    [BindProperty]
    public OpenPlanInput Input { get; set; } = new();

    [BindProperty]
    public Guid PlanId { get; set; }

    public RelationshipHeader Relationship { get; private set; } = null!;
    public RecoveryTeam Team { get; private set; } = null!;
    public Guid? ActivePlan { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (ActivePlan is { } active)
        {
            return RedirectToPage("Plan", new { id = active });
        }

        PlanId = time.NewId();
        var latest = await db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == id).Select(a => new { a.Factors }).FirstOrDefaultAsync(cancellationToken);
        Input = new OpenPlanInput
        {
            Factor = CoachingFocus.For(latest?.Factors, null, null) is [var weakest, ..] ? weakest.Factor : null,
            ReviewOn = Today.AddDays(30),
            Steps = [new StepInput { OwnerId = viewer.Current.UserId, DueOn = Today.AddDays(7) }],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (ActivePlan == PlanId && PlanId != Guid.Empty)
        {
            return Opened("That plan was already opened; it is stored once.");
        }

        if (!ModelState.RequireFormId(PlanId) || ModelState.RefuseArchived(Relationship.IsArchived, "open a recovery plan"))
        {
            return Page();
        }

        if (ActivePlan is not null)
        {
            ModelState.AddModelError(string.Empty, "This relationship already has an open recovery plan: work on that one, or close it first. Nothing was saved.");
            return Page();
        }

        if (!await validator.ValidateIntoAsync(new PlanContext<OpenPlanInput>(Input, Team.Ids, Today, Input.ReviewOn), ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        var by = viewer.Current.UserId ?? throw new InvalidOperationException("Opening a plan needs a signed-in person.");
        var plan = RecoveryPlan.Open(PlanId, id, by, Input.Factor!.Value, Input.Problem, Input.ReviewOn!.Value, Today);
        foreach (var step in Input.StepsGiven)
        {
            plan.AddStep(time.NewId(), step.What, step.OwnerId!.Value, step.DueOn!.Value);
        }

        db.RecoveryPlans.Add(plan);
        audit.Add(AuditKind.RecoveryPlanOpened, plan.Id, $"{Relationship.ClientOrganisation}: {FactorNames.InSentence(plan.Factor)}, {plan.Steps.Count} steps");
        return await db.SaveOnceAsync(IsStoredAsync, cancellationToken) switch
        {
            SaveOutcome.Saved => Opened($"Recovery plan opened for {FactorNames.InSentence(plan.Factor)}. Look again on {Formatting.Display.Date(plan.ReviewOn)}."),
            SaveOutcome.AlreadySaved => Opened("That plan was already opened; it is stored once."),
            _ => Refused(),
        };
    }

    private PageResult Refused()
    {
        // Another plan was opened for this relationship a moment before (the one-open-plan index refused this one).
        ModelState.AddModelError(string.Empty, "This relationship already has an open recovery plan: work on that one, or close it first. Nothing was saved.");
        return Page();
    }

    private RedirectToPageResult Opened(string message)
    {
        TempData.Flash(message);
        return RedirectToPage("Plan", new { id = PlanId });
    }

    private Task<bool> IsStoredAsync(CancellationToken cancellationToken) => db.RecoveryPlans.AnyAsync(p => p.Id == PlanId, cancellationToken);

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Today = time.Today();
        if (await RelationshipHeader.FindAsync(db, id, cancellationToken) is not { } header)
        {
            return NotFound();
        }

        Relationship = header;
        var teamId = await db.Relationships.Where(r => r.Id == id).Select(r => r.TeamId).FirstAsync(cancellationToken);
        Team = await RecoveryTeam.LoadAsync(db, teamId, cancellationToken);
        ActivePlan = await db.RecoveryPlans
            .Where(p => p.RelationshipId == id && (p.Status == RecoveryPlanStatus.Draft || p.Status == RecoveryPlanStatus.Open))
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return null;
    }
}

using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Pages.Recovery;

/// <summary>
/// A recovery plan: the problem, the factor, its steps and whether trust came back (T, the factor and the client's
/// answers before and since). Whoever may see the relationship adds steps, marks them done, confirms a draft and
/// closes the plan; every change is recorded (who, what, when) and shown on the page.
/// </summary>
public sealed class PlanModel(
    TrustAdvisorDbContext db, IValidator<PlanContext<AddStepInput>> stepValidator, IValidator<ClosePlanInput> closeValidator,
    TimeProvider time, IViewerAccessor viewer, AuditTrail audit) : PageModel
{
    [BindProperty]
    public AddStepInput Input { get; set; } = new();

    /// <summary>The new step's id, chosen when the page is shown: the same form sent twice adds it once.</summary>
    [BindProperty]
    public Guid StepId { get; set; }

    [BindProperty]
    public ClosePlanInput Close { get; set; } = new();

    [BindProperty]
    public string? Problem { get; set; }

    public RecoveryPlan Plan { get; private set; } = null!;
    public RelationshipHeader Relationship { get; private set; } = null!;
    public RecoveryTeam Team { get; private set; } = null!;
    public PlanProgress Progress { get; private set; } = null!;
    public IReadOnlyList<PlanChange> Changes { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public string OwnerName(Guid id) => Team.Options.FirstOrDefault(o => o.Value == id.ToString())?.Text ?? "someone no longer in the team";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        StepId = time.NewId();
        Input = new AddStepInput { Step = new StepInput { OwnerId = viewer.Current.UserId, DueOn = Today.AddDays(7) } };
        Problem = Plan.Problem;
        return Page();
    }

    public async Task<IActionResult> OnPostAddStepAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (Plan.Steps.Any(s => s.Id == StepId))
        {
            return Done("That step was already added; it is stored once.");
        }

        if (!ModelState.RequireFormId(StepId) || RefuseChange()
            || !await stepValidator.ValidateIntoAsync(new PlanContext<AddStepInput>(Input, Team.Ids, Today, Plan.ReviewOn), ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        var step = Plan.AddStep(StepId, Input.Step.What, Input.Step.OwnerId!.Value, Input.Step.DueOn!.Value);
        db.Entry(step).State = EntityState.Added;
        audit.Add(AuditKind.RecoveryStepAdded, Plan.Id, $"{step.What} ({OwnerName(step.OwnerId)}, due {Formatting.Display.Date(step.DueOn)})");
        return await db.SaveOnceAsync(ct => db.RecoverySteps.AnyAsync(s => s.Id == StepId, ct), cancellationToken) switch
        {
            SaveOutcome.Saved => Done("Step added."),
            SaveOutcome.AlreadySaved => Done("That step was already added; it is stored once."),
            _ => Done("The plan changed meanwhile; nothing was saved. Look again and add the step if it is still needed."),
        };
    }

    public async Task<IActionResult> OnPostStepDoneAsync(Guid id, Guid step, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        var found = Plan.Steps.FirstOrDefault(s => s.Id == step);
        if (found is null)
        {
            return Done("That step is not in this plan; nothing was changed.");
        }

        if (found.DoneOn is { } doneOn)
        {
            return Done($"That step was already done on {Formatting.Display.Date(doneOn)}.");
        }

        if (RefuseChange())
        {
            return Page();
        }

        Plan.MarkStepDone(step, Today, Today);
        audit.Add(AuditKind.RecoveryStepDone, Plan.Id, found.What);
        await db.SaveChangesAsync(cancellationToken);
        return Done("Step marked done.");
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (Plan.Status != RecoveryPlanStatus.Draft)
        {
            return Done("This plan is not a draft; nothing was changed.");
        }

        var error = TextRules.RequiredTextError(Problem, "Write the problem as the client would state it.", RecoveryPlan.ProblemMaxLength, "The problem", multiline: true);
        if (RefuseChange())
        {
            return Page();
        }

        if (error is not null)
        {
            ModelState.AddModelError(nameof(Problem), error);
            return Page();
        }

        Plan.Confirm(Problem);
        audit.Add(AuditKind.RecoveryPlanConfirmed, Plan.Id, Plan.Problem);
        return await SaveStatusAsync("Plan confirmed: it is open.", cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (!Plan.IsActive)
        {
            return Done($"This plan was already closed on {Formatting.Display.Date(Plan.ClosedOn)}; nothing was changed.");
        }

        if (RefuseChange() || !await closeValidator.ValidateIntoAsync(Close, ModelState, nameof(Close), cancellationToken))
        {
            return Page();
        }

        var by = viewer.Current.UserId ?? throw new InvalidOperationException("Closing a plan needs a signed-in person.");
        Plan.Close(Close.Outcome == PlanOutcome.Achieved, Close.TrustRecovered!.Value, by, Today);
        audit.Add(AuditKind.RecoveryPlanClosed, Plan.Id, $"{Plan.Status}; trust recovered: {(Plan.TrustRecovered == true ? "yes" : "no")}");
        return await SaveStatusAsync($"Plan closed as {Plan.Status.ToString().ToLowerInvariant()}.", cancellationToken);
    }

    private async Task<IActionResult> SaveStatusAsync(string message, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Done(message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Done("Someone changed this plan a moment before; theirs stands and nothing of yours was saved.");
        }
    }

    private bool RefuseChange() =>
        ModelState.RefuseArchived(Relationship.IsArchived, "change its recovery plan", "nothing was changed")
        || (!Plan.IsActive && Refuse("This plan is closed, so nothing was changed."));

    private bool Refuse(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return true;
    }

    private RedirectToPageResult Done(string message)
    {
        TempData.Flash(message);
        return RedirectToPage("Plan", new { id = Plan.Id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Today = time.Today();
        var plan = await db.RecoveryPlans.Include(p => p.Steps).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null || await RelationshipHeader.FindAsync(db, plan.RelationshipId, cancellationToken) is not { } header)
        {
            return NotFound();
        }

        (Plan, Relationship) = (plan, header);
        var teamId = await db.Relationships.Where(r => r.Id == plan.RelationshipId).Select(r => r.TeamId).FirstAsync(cancellationToken);
        Team = await RecoveryTeam.LoadAsync(db, teamId, cancellationToken);
        Progress = await PlanProgress.LoadAsync(db, plan.RelationshipId, plan.Factor, plan.OpenedOn, cancellationToken);
        Changes = await PlanChange.OfAsync(db, plan.Id, cancellationToken);
        return null;
    }
}

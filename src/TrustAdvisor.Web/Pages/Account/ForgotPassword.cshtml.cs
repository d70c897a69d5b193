using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>
/// "Forgot your password?": a single-use link by email to an active account. The page answers the same whether or
/// not the address has an account, so it tells no one who has one; it is rate-limited per address like sign-in.
/// </summary>
public sealed class ForgotPasswordModel(
    UserManager<AppUser> users, TrustAdvisorDbContext db, MailOutbox outbox, Web.Mail.PasswordReset.ResetLinks resetLinks, IOptions<MailOptions> mail,
    IValidator<ForgotPasswordInput> validator, AuditTrail audit) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    /// <summary>How long the emailed link works, in words ("2 hours").</summary>
    public string LinkValidFor => Formatting.Display.Duration(mail.Value.ResetLinkValidFor);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(new ForgotPasswordInput(Email), ModelState, string.Empty, cancellationToken))
        {
            return Page();
        }

        var person = await users.FindByEmailAsync(Email!.Trim());
        // Audited whatever the answer, with the address it came from: a stream of asks for others' accounts shows.
        audit.Add(AuditKind.PasswordResetAsked, person?.Id, Email.Trim());
        var sends = person is { IsActive: true, Email: not null }
            && (await Infrastructure.Identity.SignInPolicy.CurrentAsync(db, cancellationToken)).MaySignInWithPassword(person.Role);
        if (sends)
        {
            await resetLinks.AddAsync(person!);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (sends)
        {
            await outbox.DeliverSoonAsync(cancellationToken);
        }

        Sent = true;
        return Page();
    }
}

public sealed record ForgotPasswordInput(string? Email);

public sealed class ForgotPasswordInputValidator : AbstractValidator<ForgotPasswordInput>
{
    public ForgotPasswordInputValidator()
    {
        RuleFor(x => x.Email).SignInEmail("Enter the email address you sign in with.");
    }
}

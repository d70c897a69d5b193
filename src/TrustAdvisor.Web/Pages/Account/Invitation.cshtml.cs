using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Audit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Forms;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>An invitation's link: the invited person chooses their password and is signed in. Works once, for a week.</summary>
public sealed class InvitationModel(
    Invitations invitations, UserManager<AppUser> users, AuditTrail audit, IValidator<INewPassword> validator, Sessions sessions, TimeProvider time,
    Infrastructure.Persistence.TrustAdvisorDbContext db, Microsoft.Extensions.Options.IOptions<Security.SingleSignOn.SingleSignOnOptions> singleSignOn) : PageModel
{
    public const string LinkRefused = "This invitation cannot be used: it has been used already, it has expired, or it was "
        + "withdrawn. Ask your administrator to send you a new one.";

    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool LinkIsUnusable { get; private set; }

    public string? Name { get; private set; }

    public string? Email { get; private set; }

    /// <summary>The single sign-on provider's name, when the person may join through it; null when it is off.</summary>
    public string? Provider => singleSignOn.Value.IsOn ? singleSignOn.Value.DisplayName : null;

    /// <summary>False when the installation keeps passwords for administrators and the person is not one.</summary>
    public bool MayChoosePassword { get; private set; } = true;

    public async Task OnGetAsync() => await FindAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync() is not { } person)
        {
            return Page();
        }

        if (!MayChoosePassword)
        {
            return Page(); // the page offers single sign-on alone
        }

        if (!await validator.ValidateIntoAsync(new NewPasswordInput(NewPassword, ConfirmPassword), ModelState, string.Empty, cancellationToken))
        {
            return Page();
        }

        // Adding the password changes the security stamp: the link now refuses a second use.
        var result = await users.AddPasswordAsync(person, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(NewPassword), error.Description);
            }

            return Page();
        }

        person.JoinedAt = time.UtcNow();
        await users.UpdateAsync(person);
        await sessions.SignInAsync(person, keepSignedIn: false);
        await audit.RecordAsync(AuditKind.InvitationAccepted, person.Id, person.Email);
        TempData.Flash($"Welcome to TrustAdvisor, {person.DisplayName}. You sign in with {person.Email} and the password you chose.");
        return LocalRedirect("/");
    }

    private async Task<AppUser?> FindAsync()
    {
        var person = Person is { } id && !string.IsNullOrEmpty(Token) ? await invitations.FindAsync(id, Token) : null;
        LinkIsUnusable = person is null;
        Name = person?.DisplayName;
        Email = person?.Email;
        MayChoosePassword = person is null || (await SignInPolicy.CurrentAsync(db)).MaySignInWithPassword(person.Role);
        return person;
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Mail.Invitations;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// An administrator adds a person without a password; the person gets an emailed link to choose their own. The link
/// is an Identity token of its own provider (<see cref="InvitationTokens"/>, valid for
/// <see cref="MailOptions.InvitationValidFor"/>) bound to the person's security stamp, which choosing the password,
/// re-sending or withdrawing changes: so it works once, and an older link stops working.
/// </summary>
public sealed class Invitations(
    UserManager<AppUser> users, TrustAdvisorDbContext db, MailOutbox outbox, MailSecrets secrets, MailRenderer renderer,
    IOptions<MailOptions> mail, Hosting.PublicAddress site, LinkGenerator links, TimeProvider time)
{
    public const string Provider = "Invitation";
    private const string Purpose = "Invitation";

    /// <summary>How the invitation names who sent it: the signed-in administrator's display name.</summary>
    public static string InviterName(System.Security.Claims.ClaimsPrincipal administrator) =>
        administrator?.FindFirst(AppClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? "Your administrator";

    /// <summary>Invited and not joined yet: no password chosen through the link, no sign-in through single sign-on.</summary>
    public static bool IsPending(AppUser person) => person?.JoinedAt is null;

    /// <summary>Adds the person and their invitation email to the outbox; <see cref="DeliverAsync"/> sends what waits once saved.</summary>
    public async Task<(IdentityResult Result, AppUser Person)> InviteAsync(
        string name, string email, UserRole role, Guid? teamId, string invitedBy, CancellationToken cancellationToken)
    {
        var person = new AppUser
        {
            Id = time.NewId(),
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = name.Trim(),
            Role = role,
            TeamId = teamId,
            CreatedAt = time.UtcNow(),
        };
        var created = await users.CreateAsync(person);
        if (created.Succeeded)
        {
            await SendAsync(person, invitedBy, cancellationToken);
        }

        return (created, person);
    }

    /// <summary>A new link by email; an earlier one stops working.</summary>
    public async Task ResendAsync(AppUser person, string invitedBy, CancellationToken cancellationToken)
    {
        await PeopleAdministration.SetActiveAsync(users, person, active: true); // also a new security stamp
        await SendAsync(person, invitedBy, cancellationToken);
        await DeliverAsync(cancellationToken);
    }

    public Task DeliverAsync(CancellationToken cancellationToken) => outbox.DeliverSoonAsync(cancellationToken);

    /// <summary>The link stops working and the person cannot join; the row stays, marked withdrawn (deactivated).</summary>
    public Task WithdrawAsync(AppUser person) => PeopleAdministration.SetActiveAsync(users, person, active: false);

    /// <summary>The invited person, if the link is theirs, unused, not expired and not withdrawn.</summary>
    public async Task<AppUser?> FindAsync(Guid personId, string token)
    {
        var person = await users.FindByIdAsync(personId.ToString());
        return person is { IsActive: true } && IsPending(person) && await users.VerifyUserTokenAsync(person, Provider, Purpose, token)
            ? person
            : null;
    }

    private async Task SendAsync(AppUser person, string invitedBy, CancellationToken cancellationToken)
    {
        var token = await users.GenerateUserTokenAsync(person, Provider, Purpose);
        var link = site.For(links.GetPathByPage("/Account/Invitation", values: new { person = person.Id, token })!);
        db.OutboxMessages.Add(await InvitationMail.ComposeAsync(
            renderer, secrets, person.Id, person.Email!, person.DisplayName, invitedBy, link, mail.Value.InvitationValidFor, time.UtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Identity's data-protected tokens with a lifetime of their own: an invitation's, not a reset link's.</summary>
public sealed class InvitationTokens(
    IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger);

public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Mail.ClientPulses;

/// <summary>What asking left to do once saved: the new pulse, its link's secret, and the links it replaced.</summary>
public sealed record Asked(Pulse Pulse, PulseToken Token, IReadOnlyList<Pulse> Replaced);

/// <summary>
/// Asks a relationship's contact for their view, in the caller's unit of work: the open link is replaced, the new pulse
/// made, and, by email, the ask and its reminder put in the outbox. "Ask the client" does it for one relationship, an
/// organisation's "Ask everyone" for each of its people. The caller checks the contact may be asked, and saves.
/// </summary>
public sealed class PulseAsking(PulseMailer mailer, IOptions<PulseOptions> options)
{
    /// <summary>Asks; the relationship must be loaded with its contact, and have an owner.</summary>
    public async Task<Asked> AddAsync(
        TrustAdvisorDbContext db, Relationship relationship, Guid pulseId, Guid askerId, bool byEmail, string? personalLine, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(relationship);
        var owner = relationship.OwnerId ?? throw new InvalidOperationException("A relationship without an owner has nobody to answer about.");
        var replaced = await db.Pulses.Where(p => p.RelationshipId == relationship.Id && p.Status == PulseStatus.Open).ToListAsync(cancellationToken);
        foreach (var open in replaced)
        {
            open.Replace(nowUtc);
        }

        var token = PulseToken.New(pulseId);
        var pulse = Pulse.Ask(pulseId, relationship.Id, owner, askerId, relationship.Contact.Name, token, nowUtc, options.Value.LinkValidDays);
        db.Pulses.Add(pulse);
        if (byEmail)
        {
            var advisor = await db.Users.Where(u => u.Id == owner).Select(u => new { u.DisplayName, u.Email }).SingleAsync(cancellationToken);
            await mailer.AddAsync(db, pulse, relationship, token, (advisor.DisplayName, advisor.Email!), personalLine, nowUtc);
        }

        return new Asked(pulse, token, replaced);
    }

    /// <summary>Once saved: the replaced links' reminders are not sent, and the new mail goes soon.</summary>
    public async Task AfterSavedAsync(TrustAdvisorDbContext db, IEnumerable<Asked> asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var all = asked.ToList();
        foreach (var old in all.SelectMany(a => a.Replaced).Where(p => p.SentByEmail))
        {
            await PulseMail.CancelReminderAsync(db, old.Id, CancellationToken.None);
        }

        if (all.Any(a => a.Pulse.SentByEmail))
        {
            await mailer.DeliverSoonAsync(CancellationToken.None);
        }
    }
}

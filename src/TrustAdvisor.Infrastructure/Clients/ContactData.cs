using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Clients;

/// <summary>Everything the app holds about one contact, as their access request receives it.</summary>
public sealed record ContactExport(
    Guid Id, string Name, string? Role, string? Email, string Organisation, string? OrganisationDomain, DateTime CreatedAt,
    DateTime? OptedOutAt, DateTime? ErasedAt, IReadOnlyList<ContactExport.RelationshipHeld> Relationships, IReadOnlyList<ContactExport.MailHeld> Mail)
{
    public sealed record RelationshipHeld(Guid Id, string? Advisor, string Stage, DateTime CreatedAt, DateTime? ArchivedAt,
        IReadOnlyList<PulseHeld> Pulses, IReadOnlyList<NoteHeld> NotesNamingThem);

    public sealed record PulseHeld(DateTime AskedAt, string Status, DateOnly? AnsweredOn, int? Credibility, int? Reliability, int? Intimacy,
        int? TheirInterestsFirst, string? Comment);

    public sealed record NoteHeld(DateOnly MeetingDate, string Note);

    public sealed record MailHeld(string Kind, string Subject, DateTime CreatedAt, DateTime? SentAt, string Status);
}

/// <summary>What was erased, for the audit and the administrator's message.</summary>
public sealed record ContactErasure(int Relationships, int Pulses, int Notes, int Mail);

/// <summary>
/// A contact's personal data: exported for an access request, erased for an erasure request (name, role, address,
/// their comments, their name in notes and the mail sent to them; their scores stay as anonymous history). Run for an
/// administrator, whose context sees every relationship.
/// </summary>
public static class ContactData
{
    public static async Task<ContactExport?> ExportAsync(TrustAdvisorDbContext db, Guid contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var contact = await db.Contacts.Include(c => c.Organisation).AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var relationships = await db.Relationships.Where(r => r.ContactId == contactId).OrderBy(r => r.CreatedAt)
            .Select(r => new
            {
                r.Id,
                Advisor = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                r.Stage,
                r.CreatedAt,
                r.ArchivedAt,
                Pulses = db.Pulses.Where(p => p.RelationshipId == r.Id).OrderBy(p => p.AskedAt)
                    .Select(p => new ContactExport.PulseHeld(p.AskedAt, p.Status.ToString(), p.AnsweredOn, p.Credibility, p.Reliability, p.Intimacy, p.InterestsFirst, p.Comment))
                    .ToList(),
                Notes = db.Assessments.Where(a => a.RelationshipId == r.Id && a.Note != null).OrderBy(a => a.MeetingDate)
                    .Select(a => new { a.MeetingDate, Note = a.Note! }).ToList(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var mail = contact.Email is { } email
            ? await db.OutboxMessages.Where(m => m.RecipientId == null && m.To == email).OrderBy(m => m.CreatedAt)
                .Select(m => new ContactExport.MailHeld(m.Kind.ToString(), m.Subject, m.CreatedAt, m.SentAt, m.Status.ToString()))
                .ToListAsync(cancellationToken)
            : [];
        return new ContactExport(
            contact.Id, contact.Name, contact.Role, contact.Email, contact.Organisation.Name, contact.Organisation.Domain, contact.CreatedAt,
            contact.OptedOutAt, contact.ErasedAt,
            [.. relationships.Select(r => new ContactExport.RelationshipHeld(r.Id, r.Advisor, r.Stage.ToString(), r.CreatedAt, r.ArchivedAt, r.Pulses,
                [.. r.Notes.Where(n => Names(n.Note, contact.Name)).Select(n => new ContactExport.NoteHeld(n.MeetingDate, n.Note))]))],
            mail);
    }

    /// <summary>Erases the contact in one transaction, with whatever else the context holds (its audit entry); null when there is no such contact.</summary>
    public static async Task<ContactErasure?> EraseAsync(TrustAdvisorDbContext db, Guid contactId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (name, email) = (contact.Name, contact.Email);
        var relationshipIds = await db.Relationships.Where(r => r.ContactId == contactId).Select(r => r.Id).ToListAsync(cancellationToken);
        var pulses = await db.Pulses.Where(p => relationshipIds.Contains(p.RelationshipId)).ToListAsync(cancellationToken);
        foreach (var pulse in pulses)
        {
            if (pulse.Status == PulseStatus.Open)
            {
                pulse.Withdraw(nowUtc);
            }

            pulse.ForgetContact(Contact.ErasedName);
        }

        var notes = 0;
        if (!contact.IsErased)
        {
            foreach (var assessment in await db.Assessments.Where(a => relationshipIds.Contains(a.RelationshipId) && a.Note != null).ToListAsync(cancellationToken))
            {
                notes += assessment.RedactName(name, Contact.ErasedName) ? 1 : 0;
            }
        }

        contact.Erase(nowUtc);
        await db.SaveChangesAsync(cancellationToken);
        var mail = email is null
            ? 0
            : await db.OutboxMessages.Where(m => m.RecipientId == null && m.To == email).ExecuteUpdateAsync(m => m
                .SetProperty(x => x.To, "erased@invalid")
                .SetProperty(x => x.Subject, "(erased)")
                .SetProperty(x => x.TextBody, string.Empty)
                .SetProperty(x => x.HtmlBody, string.Empty)
                .SetProperty(x => x.SealedSecret, (string?)null)
                .SetProperty(x => x.UnsubscribeUrl, (string?)null)
                .SetProperty(x => x.Status, x => x.Status == OutboxStatus.Sent ? OutboxStatus.Sent : OutboxStatus.Cancelled), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ContactErasure(relationshipIds.Count, pulses.Count, notes, mail);
    }

    private static bool Names(string note, string name) => name.Length > 0 && note.Contains(name, StringComparison.OrdinalIgnoreCase);
}

using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Import;

/// <summary>
/// The relationships template: each row is a relationship between an owner (a person of the firm, by email) and a
/// contact at an organisation. A row is matched by its external id, else by its contact (ContactMatch) and owner; it
/// is new, updated, unchanged, or refused with the reason by column. The valid rows' changes are made to the context,
/// which the caller saves (the import) or drops (the preview).
/// </summary>
public sealed class RelationshipImport(TrustAdvisorDbContext db, ImportScope scope, DateOnly today, DateTime nowUtc, string dateFormat, bool apply)
{
    public static readonly IReadOnlyList<string> Columns =
        ["external_id", "organisation", "organisation_domain", "contact_name", "contact_email", "contact_role", "stage", "owner_email", "next_review"];

    // What rows may match, as read and as the file changed it. Importing, each chunk is saved and these are read again;
    // previewing, nothing is saved, so they are kept for the rows after (detached: only this preview sees them).
    private readonly Dictionary<string, Organisation> _organisations = [];
    private readonly Dictionary<Guid, List<Contact>> _contacts = [];
    private readonly Dictionary<string, Relationship> _byExternalId = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid Contact, Guid Owner), Relationship> _byContactAndOwner = [];
    private readonly Dictionary<string, (Guid Id, Guid? Team)> _owners = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>One chunk of the file's rows, in order, into the result (<see cref="ImportRun"/> saves or drops what it changed).</summary>
    public async Task RunChunkAsync(ImportRow[] rows, ImportResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(result);
        if (apply)
        {
            _organisations.Clear();
            _contacts.Clear();
            _byExternalId.Clear();
            _byContactAndOwner.Clear();
        }

        var read = new List<(RowOutcome? Refused, RelationshipRow? Candidate)>(rows.Length);
        foreach (var row in rows)
        {
            var problems = new List<ColumnProblem>();
            var candidate = RelationshipRow.Read(row, problems, today, dateFormat);
            foreach (var key in candidate?.KeysInFile() ?? [])
            {
                if (!_seen.TryAdd(key.Key, row.Number))
                {
                    problems.Add(new(key.Column, $"Repeats row {_seen[key.Key]}."));
                }
            }

            read.Add(problems.Count > 0 || candidate is null ? (RowOutcome.Refused(row.Number, What(row), problems), null) : (null, candidate));
        }

        await LoadAsync([.. read.Select(r => r.Candidate).OfType<RelationshipRow>()], cancellationToken);
        foreach (var (refused, candidate) in read)
        {
            result.Add(refused ?? Apply(candidate!));
        }
    }

    private static string What(ImportRow row) => $"{row["organisation"]}, {row["contact_name"]}".Trim(',', ' ');

    /// <summary>What a chunk's rows may match and is not known yet, in a few statements.</summary>
    private async Task LoadAsync(List<RelationshipRow> candidates, CancellationToken cancellationToken)
    {
        var owners = candidates.Select(c => c.OwnerEmail).Where(o => !_owners.ContainsKey(o)).Distinct().ToList();
        foreach (var owner in await db.Users.Where(u => u.IsActive && owners.Contains(u.NormalizedEmail!))
                     .Select(u => new { u.NormalizedEmail, u.Id, u.TeamId }).ToListAsync(cancellationToken))
        {
            _owners[owner.NormalizedEmail!] = (owner.Id, owner.TeamId);
        }

        var names = candidates.Select(c => Organisation.Normalize(c.OrganisationName)).Where(n => !_organisations.ContainsKey(n)).Distinct().ToList();
        var loaded = new List<Guid>();
        foreach (var organisation in await db.Organisations.Where(o => names.Contains(o.NormalizedName)).ToListAsync(cancellationToken))
        {
            _organisations[organisation.NormalizedName] = organisation;
            _contacts[organisation.Id] = [];
            loaded.Add(organisation.Id);
        }

        var contactIds = new List<Guid>();
        foreach (var contact in await db.Contacts.Where(c => loaded.Contains(c.OrganisationId)).ToListAsync(cancellationToken))
        {
            _contacts[contact.OrganisationId].Add(contact);
            contactIds.Add(contact.Id);
        }

        // External ids are unique across the firm: looked up past the viewer's filter, so one of another team is refused, not doubled.
        var externalIds = candidates.Where(c => c.ExternalId is not null && !_byExternalId.ContainsKey(c.ExternalId)).Select(c => c.ExternalId!).Distinct().ToList();
        foreach (var relationship in await db.Relationships.IgnoreQueryFilters().Include(r => r.Contact)
                     .Where(r => r.ExternalId != null && externalIds.Contains(r.ExternalId)).ToListAsync(cancellationToken))
        {
            _byExternalId[relationship.ExternalId!] = relationship;
        }

        foreach (var relationship in await db.Relationships.IgnoreQueryFilters()
                     .Where(r => contactIds.Contains(r.ContactId) && r.OwnerId != null).ToListAsync(cancellationToken))
        {
            _byContactAndOwner.TryAdd((relationship.ContactId, relationship.OwnerId!.Value), relationship);
        }
    }

    private RowOutcome Apply(RelationshipRow c)
    {
        var problems = new List<ColumnProblem>();
        if (!_owners.TryGetValue(c.OwnerEmail, out var owner))
        {
            problems.Add(new("owner_email", $"Nobody active at the firm has the address {c.Row["owner_email"]}."));
        }
        else if (owner.Team is null || !scope.Includes(owner.Team))
        {
            problems.Add(new("owner_email", owner.Team is null ? $"{c.Row["owner_email"]} is in no team yet." : $"{c.Row["owner_email"]} is not in a team you import into."));
        }

        var key = Organisation.Normalize(c.OrganisationName);
        _organisations.TryGetValue(key, out var organisation);
        var known = organisation is null ? [] : _contacts[organisation.Id];
        Relationship? relationship = null;
        if (c.ExternalId is not null && _byExternalId.TryGetValue(c.ExternalId, out var byId))
        {
            relationship = byId;
            if (!scope.Includes(byId.TeamId))
            {
                problems.Add(new("external_id", "This external id is a relationship of a team you do not import into."));
            }
            else if (byId.OwnerId != owner.Id && problems.Count == 0)
            {
                problems.Add(new("owner_email", "The relationship has another owner: hand it over on its page, then import again."));
            }
        }
        else if (problems.Count == 0 && ContactMatch.Find(known, c.Contact.Name, c.Contact.Email, current: null) is { } person
                 && _byContactAndOwner.TryGetValue((person.Id, owner.Id), out var byPerson))
        {
            relationship = byPerson;
            if (c.ExternalId is not null && byPerson.ExternalId is not null)
            {
                problems.Add(new("external_id", $"The relationship of {c.Row["owner_email"]} with {person.Name} has the external id {byPerson.ExternalId}."));
            }
        }

        if (relationship?.IsArchived == true)
        {
            problems.Add(new("external_id", "The relationship is archived: restore it first, then import again."));
        }

        if (problems.Count > 0)
        {
            return RowOutcome.Refused(c.Row.Number, c.What, problems);
        }

        if (organisation is null)
        {
            organisation = new Organisation(Guid.CreateVersion7(nowUtc), c.OrganisationName, nowUtc);
            db.Organisations.Add(organisation);
            _organisations[key] = organisation;
            _contacts[organisation.Id] = known = [];
        }

        // The relationship's own contact as this import knows it (one object per person, whichever query read it).
        var current = relationship is null ? null : known.Find(k => k.Id == relationship.ContactId);
        var before = relationship is null ? null : Snapshot(relationship, current ?? relationship.Contact, organisation);
        var contact = ContactMatch.Choose(organisation, known, c.Contact, current, Guid.CreateVersion7(nowUtc), nowUtc);
        if (!known.Contains(contact))
        {
            known.Add(contact);
            db.Contacts.Add(contact);
        }

        if (c.Domain is not null)
        {
            organisation.SetDomain(c.Domain);
        }

        if (relationship is null)
        {
            relationship = new Relationship(Guid.CreateVersion7(nowUtc), contact, c.Stage, c.NextReview, owner.Id, owner.Team!.Value, nowUtc);
            if (c.ExternalId is not null)
            {
                relationship.SetExternalId(c.ExternalId);
                _byExternalId[c.ExternalId] = relationship;
            }

            db.Relationships.Add(relationship);
            _byContactAndOwner[(contact.Id, owner.Id)] = relationship;
            return new RowOutcome(c.Row.Number, RowOutcomeKind.New, c.What, []);
        }

        if (relationship.ContactId != contact.Id || relationship.Stage != c.Stage || relationship.NextReviewDate != c.NextReview)
        {
            relationship.Update(contact, c.Stage, c.NextReview);
        }

        if (c.ExternalId is not null && relationship.ExternalId is null)
        {
            relationship.SetExternalId(c.ExternalId);
        }

        return new RowOutcome(c.Row.Number, before == Snapshot(relationship, contact, organisation) ? RowOutcomeKind.Unchanged : RowOutcomeKind.Updated, c.What, []);
    }

    private static string Snapshot(Relationship r, Contact c, Organisation o) =>
        string.Join('\u001f', r.ContactId, c.Name, c.Role, c.Email, o.Domain, r.Stage, r.NextReviewDate, r.ExternalId);
}

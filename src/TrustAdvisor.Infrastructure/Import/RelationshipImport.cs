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
public sealed class RelationshipImport(TrustAdvisorDbContext db, ImportScope scope, DateOnly today, DateTime nowUtc, string dateFormat)
{
    public static readonly IReadOnlyList<string> Columns =
        ["external_id", "organisation", "organisation_domain", "contact_name", "contact_email", "contact_role", "stage", "owner_email", "next_review"];

    private readonly Dictionary<string, Organisation> _organisations = [];
    private readonly Dictionary<Guid, List<Contact>> _contacts = [];
    private readonly Dictionary<string, Relationship> _byExternalId = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid Contact, Guid Owner), Relationship> _byContactAndOwner = [];
    private Dictionary<string, (Guid Id, Guid? Team)> _owners = [];

    public async Task<ImportResult> RunAsync(ImportTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var outcomes = new List<RowOutcome>();
        var candidates = new List<RelationshipRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var problems = new List<ColumnProblem>();
            var candidate = RelationshipRow.Read(row, problems, today, dateFormat);
            if (candidate is not null)
            {
                foreach (var key in candidate.KeysInFile())
                {
                    if (seen.TryGetValue(key.Key, out var first))
                    {
                        problems.Add(new(key.Column, $"Repeats row {first}."));
                    }
                    else
                    {
                        seen[key.Key] = row.Number;
                    }
                }
            }

            if (problems.Count > 0 || candidate is null)
            {
                outcomes.Add(RowOutcome.Refused(row.Number, What(row), problems));
            }
            else
            {
                candidates.Add(candidate);
                outcomes.Add(null!);
            }
        }

        await LoadAsync(candidates, cancellationToken);
        var next = 0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            outcomes[i] ??= Apply(candidates[next++]);
        }

        return new ImportResult(outcomes, table.IgnoredColumns);
    }

    private static string What(ImportRow row) => $"{row["organisation"]}, {row["contact_name"]}".Trim(',', ' ');

    /// <summary>What the rows may match, read in a few statements for the whole file.</summary>
    private async Task LoadAsync(List<RelationshipRow> candidates, CancellationToken cancellationToken)
    {
        var owners = candidates.Select(c => c.OwnerEmail).Distinct().ToList();
        _owners = await db.Users.Where(u => u.IsActive && owners.Contains(u.NormalizedEmail!))
            .Select(u => new { u.NormalizedEmail, u.Id, u.TeamId })
            .ToDictionaryAsync(u => u.NormalizedEmail!, u => (u.Id, u.TeamId), cancellationToken);

        var names = candidates.Select(c => Organisation.Normalize(c.OrganisationName)).Distinct().ToList();
        foreach (var organisation in await db.Organisations.Where(o => names.Contains(o.NormalizedName)).ToListAsync(cancellationToken))
        {
            _organisations[organisation.NormalizedName] = organisation;
            _contacts[organisation.Id] = [];
        }

        var organisationIds = _contacts.Keys.ToList();
        foreach (var contact in await db.Contacts.Where(c => organisationIds.Contains(c.OrganisationId)).ToListAsync(cancellationToken))
        {
            _contacts[contact.OrganisationId].Add(contact);
        }

        // External ids are unique across the firm: looked up past the viewer's filter, so one of another team is refused, not doubled.
        var externalIds = candidates.Where(c => c.ExternalId is not null).Select(c => c.ExternalId!).Distinct().ToList();
        foreach (var relationship in await db.Relationships.IgnoreQueryFilters().Include(r => r.Contact)
                     .Where(r => r.ExternalId != null && externalIds.Contains(r.ExternalId)).ToListAsync(cancellationToken))
        {
            _byExternalId[relationship.ExternalId!] = relationship;
        }

        var contactIds = _contacts.Values.SelectMany(c => c).Select(c => c.Id).ToList();
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

        var before = relationship is null ? null : Snapshot(relationship, organisation);
        var contact = ContactMatch.Choose(organisation, known, c.Contact, relationship?.Contact.OrganisationId == organisation.Id ? relationship.Contact : null,
            Guid.CreateVersion7(nowUtc), nowUtc);
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

        return new RowOutcome(c.Row.Number, before == Snapshot(relationship, organisation) ? RowOutcomeKind.Unchanged : RowOutcomeKind.Updated, c.What, []);
    }

    private static string Snapshot(Relationship r, Organisation o) =>
        string.Join('\u001f', r.ContactId, r.Contact.Name, r.Contact.Role, r.Contact.Email, o.Domain, r.Stage, r.NextReviewDate, r.ExternalId);
}

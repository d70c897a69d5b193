using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Relationships;
using Person = TrustAdvisor.Domain.Clients.Contact;

namespace TrustAdvisor.Infrastructure.Import;

/// <summary>One row of the relationships template, its cells read and checked (<see cref="RelationshipImport"/> matches it).</summary>
public sealed record RelationshipRow(
    ImportRow Row, string? ExternalId, string OrganisationName, string? Domain, ContactDetails Contact, RelationshipStage Stage,
    string OwnerEmail, DateOnly NextReview)
{
    public string What => $"{OrganisationName}, {Contact.Name}";

    public const int DefaultReviewDays = 30;
    public const int ReviewYearsAhead = 10;

    /// <summary>What makes a row the same as an earlier one of the file, with the column to blame.</summary>
    public IEnumerable<(string Key, string Column)> KeysInFile()
    {
        if (ExternalId is not null)
        {
            yield return ("id:" + ExternalId, "external_id");
        }

        var person = Contact.Email is { } email ? "@" + email.ToLowerInvariant() : "name:" + Organisation.Normalize(Contact.Name);
        yield return ($"{Organisation.Normalize(OrganisationName)}|{person}|{OwnerEmail}", Contact.Email is null ? "contact_name" : "contact_email");
    }

    /// <summary>The row's cells checked one by one; null, with the problems added, when any is wrong.</summary>
    public static RelationshipRow? Read(ImportRow row, List<ColumnProblem> problems, DateOnly today, string dateFormat)
    {
        string? Text(string column, int max, bool required, string what)
        {
            var value = row[column];
            if (value.Length == 0)
            {
                if (required)
                {
                    problems.Add(new(column, $"Give the {what}."));
                }

                return null;
            }

            if (value.Length > max)
            {
                problems.Add(new(column, $"The {what} is longer than {max} characters."));
                return null;
            }

            return value;
        }

        var externalId = Text("external_id", Relationship.ExternalIdMaxLength, required: false, "external id");
        var organisation = Text("organisation", Organisation.NameMaxLength, required: true, "organisation's name");
        var domain = Text("organisation_domain", Organisation.DomainMaxLength, required: false, "organisation's web domain")?.ToLowerInvariant();
        if (domain is not null && !Organisation.IsPlausibleDomain(domain))
        {
            problems.Add(new("organisation_domain", $"'{domain}' is not a web domain like acme.com."));
        }

        var name = Text("contact_name", Person.NameMaxLength, required: true, "contact's name");
        var email = Text("contact_email", Person.EmailMaxLength, required: false, "contact's email address");
        if (email is not null && !Person.IsPlausibleEmail(email))
        {
            problems.Add(new("contact_email", $"'{email}' is not an email address like jane@client.com."));
        }

        var role = Text("contact_role", Person.RoleMaxLength, required: false, "contact's role");
        RelationshipStage? stage = Enum.TryParse<RelationshipStage>(row["stage"], ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(row["stage"], out _)
            ? s
            : null;
        if (stage is null)
        {
            problems.Add(new("stage", row["stage"].Length == 0 ? "Give the stage: Meet, Vet, Establish or Maintain." : $"'{row["stage"]}' is not a stage: Meet, Vet, Establish or Maintain."));
        }

        var owner = Text("owner_email", 256, required: true, "owner's email address")?.ToUpperInvariant();
        var nextReview = today.AddDays(DefaultReviewDays);
        if (row["next_review"].Length > 0)
        {
            if (ImportCells.Date(row["next_review"], dateFormat, out var problem) is not { } date)
            {
                problems.Add(new("next_review", problem!));
            }
            else if (date < today || date > today.AddYears(ReviewYearsAhead))
            {
                problems.Add(new("next_review", date < today
                    ? $"{row["next_review"]} has passed: the next review is today or later (or leave it empty for {DefaultReviewDays} days from today)."
                    : $"{row["next_review"]} is more than {ReviewYearsAhead} years away."));
            }
            else
            {
                nextReview = date;
            }
        }

        return problems.Count > 0
            ? null
            : new RelationshipRow(row, externalId, organisation!, domain, new ContactDetails(name!, role, email), stage!.Value, owner!, nextReview);
    }
}

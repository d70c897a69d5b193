using System.Globalization;
using Npgsql;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Security;

/// <summary>A relationship with an assessment, and a colleague to hand it to.</summary>
public sealed class BadInputApp : PostgresApp
{
    public Relationship Relationship { get; private set; } = null!;
    public Guid AssessmentId { get; private set; }
    public AppUser Colleague { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        Relationship = await AddRelationshipAsync("Fuzzed Ltd");
        AssessmentId = (await AddAssessmentAsync(Relationship.Id, Today.AddDays(-5), new TrustFactors(6, 6, 6, 3))).Id;
        Colleague = await CreatePersonAsync("colleague@fuzz.test", UserRole.Advisor, Team.Id);
    }

    /// <summary>
    /// A digest of every table a form can write to: equal before and after means nothing was stored. Of the outbox, the
    /// messages decided, not their delivery, which the scheduler moves on by itself meanwhile.
    /// </summary>
    public async Task<string> FingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT md5(concat(
                (SELECT string_agg(t::text, '|' ORDER BY id) FROM relationships t),
                (SELECT string_agg(t::text, '|' ORDER BY id) FROM assessments t),
                (SELECT string_agg(t::text, '|' ORDER BY id) FROM hand_offs t),
                (SELECT string_agg(t::text, '|' ORDER BY id) FROM pulses t),
                (SELECT string_agg(t::text, '|' ORDER BY id) FROM teams t),
                (SELECT string_agg(t::text, '|' ORDER BY id) FROM users t),
                (SELECT string_agg(concat_ws(',', id, key, kind, recipient_id, "to", subject, text_body, html_body, created_at), '|' ORDER BY id) FROM outbox_messages t),
                (SELECT string_agg(t::text, '|' ORDER BY user_id) FROM mail_preferences t)))
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>
/// Generated bad input for every form: each case changes one field of an otherwise valid form (or removes it, or
/// adds junk) and expects a clear refusal (the form again with a message, or the plain 400 page for what cannot be
/// read at all), never a server error, and nothing stored.
/// </summary>
public class BadInputTests(BadInputApp app) : IClassFixture<BadInputApp>
{
    private const string Missing = "\u0000missing";

    private static readonly string[] BadFactor =
        ["", " ", "0", "11", "-1", "1.5", "7e0", "abc", "99999999999999999999", "٥", "５", "<b>5</b>", "5' OR '1'='1", "null", Missing];

    private static readonly string[] BadMeetingDate =
        ["", "2026-02-30", "1989-12-31", "2999-01-01", "yesterday", "31/12/2026", "<script>alert(1)</script>", "2026-11-23", Missing];

    private static readonly string[] BadEnum = ["", "Bogus", "99", "-1", "<i>Meet</i>", "Meet'; DROP TABLE relationships; --", Missing];

    private static readonly string[] BadReviewDate = ["", "2026-13-01", "not a date", "0001-01-01", Missing];

    private static string[] BadRequiredText(int maxLength) =>
        ["", "   ", new string('x', maxLength + 1), "bell\u0007here", "line\u001Bescape", string.Concat(Enumerable.Repeat("🙂", maxLength)), Missing];

    private static string[] BadOptionalText(int maxLength) => [new string('x', maxLength + 1), "tab\u0001ctrl"];

    private static readonly string[] BadGuid = ["", "not-a-guid", "00000000-0000-0000-0000-000000000000", "{guid}", Missing];

    /// <summary>A form and its bad values; <see cref="ClientPage"/>: the client's pulse, answered without an account by a fresh link.</summary>
    private sealed record Form(string Url, Dictionary<string, string> Valid, Dictionary<string, string[]> Bad, bool ClientPage = false);

    private Form[] Forms()
    {
        var today = app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Dictionary<string, string> relationship = new()
        {
            ["Input.ClientOrganisation"] = "Valid Ltd",
            ["Input.ContactName"] = "Pat Valid",
            ["Input.ContactRole"] = "CFO",
            ["Input.Stage"] = "Meet",
            ["Input.NextReviewDate"] = app.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        Dictionary<string, string[]> relationshipBad = new()
        {
            ["Input.ClientOrganisation"] = BadRequiredText(Organisation.NameMaxLength),
            ["Input.ContactName"] = BadRequiredText(Contact.NameMaxLength),
            ["Input.ContactRole"] = BadOptionalText(Contact.RoleMaxLength),
            ["Input.ContactEmail"] = ["not an email", "a@", "two@x.test, three@x.test", "<script>@x.test", new string('a', Contact.EmailMaxLength) + "@x.test"],
            ["Input.Stage"] = BadEnum,
            ["Input.NextReviewDate"] = BadReviewDate,
        };
        Dictionary<string, string> meeting = new()
        {
            ["Input.MeetingDate"] = today,
            ["Input.Kind"] = "Call",
            ["Input.Credibility"] = "7",
            ["Input.Reliability"] = "6",
            ["Input.Intimacy"] = "5",
            ["Input.SelfOrientation"] = "3",
            ["Input.Note"] = "Fine",
        };
        Dictionary<string, string[]> meetingBad = new()
        {
            ["Input.MeetingDate"] = BadMeetingDate,
            ["Input.Kind"] = BadEnum,
            ["Input.Credibility"] = BadFactor,
            ["Input.Reliability"] = BadFactor,
            ["Input.Intimacy"] = BadFactor,
            ["Input.SelfOrientation"] = BadFactor,
            ["Input.Note"] = BadOptionalText(Domain.Assessments.Assessment.NoteMaxLength),
        };
        return
        [
            new("/Relationships/Create", relationship, relationshipBad),
            new($"/Relationships/Edit/{app.Relationship.Id}", relationship, relationshipBad),
            new($"/Relationships/Score/{app.Relationship.Id}", meeting, meetingBad),
            new($"/Assessments/Correct/{app.AssessmentId}", new(meeting) { ["Reason"] = "Typo" },
                new(meetingBad) { ["Reason"] = BadRequiredText(Domain.Assessments.Assessment.CorrectionReasonMaxLength) }),
            new($"/Relationships/HandOff/{app.Relationship.Id}", new() { ["ToOwnerId"] = app.Colleague.Id.ToString(), ["Note"] = "Moving on" },
                new() { ["ToOwnerId"] = BadGuid, ["Note"] = BadRequiredText(500) }),
            new("/Admin/Teams/Index", new() { ["Name"] = "Another team" }, new() { ["Name"] = BadRequiredText(Domain.Teams.Team.NameMaxLength) }),
            new("/Admin/People/Invite",
                new()
                {
                    ["Input.DisplayName"] = "New Person", ["Input.Email"] = "new.person@fuzz.test", ["Input.Role"] = "Advisor",
                    ["Input.TeamId"] = app.Team.Id.ToString(),
                },
                new()
                {
                    ["Input.DisplayName"] = BadRequiredText(AppUser.DisplayNameMaxLength),
                    ["Input.Email"] = ["", "not an email", "a@", new string('a', 300) + "@x.test", "<script>@x.test", Missing],
                    ["Input.Role"] = BadEnum,
                    ["Input.TeamId"] = ["not-a-guid", "{guid}"],
                }),
            new("/Account/Password",
                new() { ["CurrentPassword"] = AppFixture.Password, ["NewPassword"] = "another long password", ["ConfirmPassword"] = "another long password" },
                new()
                {
                    ["CurrentPassword"] = ["", "wrong password", Missing],
                    ["NewPassword"] = ["", "short", new string('p', 10_000), Missing],
                    ["ConfirmPassword"] = ["", "not the same at all", Missing],
                }),
            new("/Account/Settings",
                new()
                {
                    ["Input.TimeZone"] = "Europe/Paris", ["Input.Reminder"] = "Weekly", ["Input.ReminderDay"] = "Friday",
                    ["Input.ReminderTime"] = "17:45", ["Input.WeeklyDigest"] = "true", ["Input.DropAlerts"] = "true",
                },
                new()
                {
                    ["Input.TimeZone"] = ["", "Mars/Olympus_Mons", "Europe/../../etc/passwd", new string('z', 200), "<b>UTC</b>", Missing],
                    ["Input.Reminder"] = BadEnum,
                    ["Input.ReminderDay"] = ["", "Funday", "7", "-1", "monday", Missing],
                    ["Input.ReminderTime"] = ["", "24:00", "23:60", "7pm", "8", "08:00:00", "٠٨:٠٠", "-01:00", Missing],
                    ["Input.WeeklyDigest"] = ["banana", "2"],
                }),
            new("/Account/ForgotPassword",
                new() { ["Email"] = AppFixture.AdminEmail },
                new() { ["Email"] = ["", "   ", "not an email", "a@", new string('a', 300) + "@x.test", "<script>@x.test", Missing] }),
            new("/pulse/{link}",
                new() { ["Input.Credibility"] = "7", ["Input.Reliability"] = "6", ["Input.Intimacy"] = "5", ["Input.InterestsFirst"] = "8", ["Input.Comment"] = "Fine" },
                new()
                {
                    ["Input.Credibility"] = BadFactor,
                    ["Input.Reliability"] = BadFactor,
                    ["Input.Intimacy"] = BadFactor,
                    ["Input.InterestsFirst"] = BadFactor,
                    ["Input.Comment"] = BadOptionalText(Domain.Pulses.Pulse.CommentMaxLength),
                    ["SubmissionId"] = ["", "not-a-guid", "00000000-0000-0000-0000-000000000000", Missing],
                },
                ClientPage: true),
        ];
    }

    public static TheoryData<int> FormIndexes => new() { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

    [Fact]
    public void There_are_at_least_200_cases_across_every_form() =>
        Forms().Sum(f => f.Bad.Values.Sum(v => v.Length) + 2).ShouldBeGreaterThanOrEqualTo(200);

    [Theory]
    [MemberData(nameof(FormIndexes))]
    public async Task Bad_input_is_refused_plainly_and_changes_nothing(int formIndex)
    {
        var form = Forms()[formIndex];
        // The password form's own valid submission (the extra-field case) changes the password: use someone of its own.
        var email = form.Url == "/Account/Password" ? $"password.{Guid.NewGuid():N}@fuzz.test" : AppFixture.AdminEmail;
        if (email != AppFixture.AdminEmail)
        {
            await app.CreatePersonAsync(email, UserRole.Advisor, app.Team.Id);
        }

        var client = await app.CreateClientAsync(email);
        var (url, selector) = (form.Url, "form.form");
        if (form.ClientPage)
        {
            url = await client.AskAsync(app.Relationship.Id);
            (client, selector) = (app.CreateAnonymousClient(), "form.pulse-form");
        }

        var failures = new List<string>();
        var cases = form.Bad.SelectMany(field => field.Value.Select(value => (Field: field.Key, Value: value)))
            .Append(("(huge payload)", new string('z', 3_000_000)))
            .Append(("(extra field)", "junk")); // last: the rest of that form is valid, so it is stored

        foreach (var (field, value) in cases)
        {
            var before = await app.FingerprintAsync();
            var (action, fields) = await client.ReadFormAsync(url, selector);
            foreach (var (name, valid) in form.Valid)
            {
                fields[name] = valid;
            }

            if (field == "(extra field)")
            {
                fields["Input.IsAdministrator"] = "true";
                fields["Input.Id"] = Guid.NewGuid().ToString();
            }
            else if (field == "(huge payload)")
            {
                fields[form.Valid.Keys.First()] = value;
            }
            else if (value == Missing)
            {
                fields.Remove(field);
            }
            else
            {
                fields[field] = value.Replace("{guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            }

            var label = $"{form.Url} {field}={Shorten(value)}";
            var response = await client.PostFormAsync(action, fields);
            var status = (int)response.StatusCode;
            var page = await HtmlForms.ParseAsync(response);
            var after = await app.FingerprintAsync();
            if (field == "(extra field)")
            {
                // Extra fields are ignored: the valid form goes through, and nothing it did not ask for is stored.
                if (status >= 500)
                {
                    failures.Add($"{label}: {status}");
                }

                continue;
            }

            if (status >= 500)
            {
                failures.Add($"{label}: server error {status}");
            }
            else if (status == 200 && page.QuerySelector(".form-alert") is null)
            {
                failures.Add($"{label}: 200 without a message");
            }
            else if (status is not (200 or 400 or 413))
            {
                failures.Add($"{label}: unexpected {status}");
            }
            else if (before != after)
            {
                failures.Add($"{label}: something was stored ({status})");
            }
        }

        failures.ShouldBeEmpty();
    }

    private static string Shorten(string value) => value.Length <= 30 ? value : $"{value[..30]}… ({value.Length} chars)";
}

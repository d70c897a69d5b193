using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Import;

/// <summary>
/// The past assessments template (a firm that kept the Trust Equation in a spreadsheet): each row a scored meeting of a
/// relationship named by its external id, recorded as its owner's. A meeting already there with the same day and
/// scores is unchanged, so importing the same file again adds nothing. Changes go to the context, as for relationships.
/// </summary>
public sealed class AssessmentImport(TrustAdvisorDbContext db, ImportScope scope, DateOnly today, DateTime nowUtc, string dateFormat)
{
    public static readonly IReadOnlyList<string> Columns =
        ["external_id", "meeting_date", "meeting_kind", "credibility", "reliability", "intimacy", "self_orientation", "note"];

    private static readonly Dictionary<string, MeetingKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["in person"] = MeetingKind.InPerson,
        ["inperson"] = MeetingKind.InPerson,
        ["in-person"] = MeetingKind.InPerson,
        ["video"] = MeetingKind.Video,
        ["call"] = MeetingKind.Call,
        ["phone"] = MeetingKind.Call,
        ["email"] = MeetingKind.EmailOrOther,
        ["other"] = MeetingKind.EmailOrOther,
        ["emailorother"] = MeetingKind.EmailOrOther,
        ["email or other"] = MeetingKind.EmailOrOther,
    };

    private sealed record Candidate(ImportRow Row, string ExternalId, ScoredMeeting Meeting)
    {
        public string What => $"{ExternalId}, {Meeting.MeetingDate:yyyy-MM-dd}";
        public string Key => $"{ExternalId}|{Meeting.MeetingDate.DayNumber}|{Meeting.Factors}";
    }

    private sealed record Target(Guid Id, Guid? OwnerId, Guid? TeamId, DateTime? ArchivedAt);

    // Kept for the whole file (small: the relationships it names, and the meetings they have).
    private readonly Dictionary<string, Target?> _relationships = new(StringComparer.Ordinal);
    private readonly HashSet<(Guid, DateOnly, TrustFactors)> _existing = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>One chunk of the file's rows, in order, into the result; the new assessments are added to the context.</summary>
    public async Task RunChunkAsync(ImportRow[] rows, ImportResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(result);
        var read = rows.Select(row => (Row: row, Problems: new List<ColumnProblem>())).Select(x => (x.Row, x.Problems, Candidate: Read(x.Row, x.Problems))).ToList();
        await LoadAsync([.. read.Where(x => x.Candidate is not null).Select(x => x.Candidate!.ExternalId).Distinct()], cancellationToken);
        foreach (var (row, problems, candidate) in read)
        {
            if (candidate is null)
            {
                result.Add(RowOutcome.Refused(row.Number, $"{row["external_id"]}, {row["meeting_date"]}".Trim(',', ' '), problems));
                continue;
            }

            var relationship = _relationships[candidate.ExternalId];
            if (relationship is null || !scope.Includes(relationship.TeamId))
            {
                problems.Add(new("external_id", $"No relationship you import into has the external id {candidate.ExternalId}: import the relationships first."));
            }
            else if (relationship.ArchivedAt is not null || relationship.OwnerId is null)
            {
                problems.Add(new("external_id", relationship.OwnerId is null ? "The relationship has no owner to record the meeting for." : "The relationship is archived: restore it first."));
            }

            if (!_seen.TryAdd(candidate.Key, row.Number))
            {
                problems.Add(new("meeting_date", $"Repeats row {_seen[candidate.Key]}."));
            }

            if (problems.Count > 0)
            {
                result.Add(RowOutcome.Refused(row.Number, candidate.What, problems));
            }
            else if (_existing.Contains((relationship!.Id, candidate.Meeting.MeetingDate, candidate.Meeting.Factors)))
            {
                result.Add(new RowOutcome(row.Number, RowOutcomeKind.Unchanged, candidate.What, []));
            }
            else
            {
                db.Assessments.Add(Assessment.Record(Guid.CreateVersion7(nowUtc), relationship.Id, relationship.OwnerId!.Value, candidate.Meeting, nowUtc, today));
                result.Add(new RowOutcome(row.Number, RowOutcomeKind.New, candidate.What, []));
            }
        }
    }

    /// <summary>The relationships named by external id not met before in the file, and their current meetings.</summary>
    private async Task LoadAsync(List<string> externalIds, CancellationToken cancellationToken)
    {
        var ids = externalIds.Where(id => !_relationships.ContainsKey(id)).ToList();
        var found = await db.Relationships.IgnoreQueryFilters()
            .Where(r => r.ExternalId != null && ids.Contains(r.ExternalId))
            .Select(r => new { ExternalId = r.ExternalId!, Target = new Target(r.Id, r.OwnerId, r.TeamId, r.ArchivedAt) })
            .ToDictionaryAsync(r => r.ExternalId, r => r.Target, StringComparer.Ordinal, cancellationToken);
        foreach (var id in ids)
        {
            _relationships[id] = found.GetValueOrDefault(id);
        }

        var relationshipIds = found.Values.Select(r => r.Id).ToList();
        foreach (var a in await db.Assessments.IgnoreQueryFilters()
                     .Where(a => a.SupersededAt == null && relationshipIds.Contains(a.RelationshipId))
                     .Select(a => new { a.RelationshipId, a.MeetingDate, a.Factors })
                     .ToListAsync(cancellationToken))
        {
            _existing.Add((a.RelationshipId, a.MeetingDate, a.Factors));
        }
    }

    private Candidate? Read(ImportRow row, List<ColumnProblem> problems)
    {
        var externalId = row["external_id"];
        if (externalId.Length == 0)
        {
            problems.Add(new("external_id", "Give the relationship's external id, as in the relationships file."));
        }

        var date = ImportCells.MeetingDate(row["meeting_date"], dateFormat, today, out var dateProblem);
        if (row["meeting_date"].Length == 0)
        {
            problems.Add(new("meeting_date", "Give the day of the meeting."));
        }
        else if (dateProblem is not null)
        {
            problems.Add(new("meeting_date", dateProblem));
        }

        MeetingKind? kind = Kinds.TryGetValue(row["meeting_kind"].Trim(), out var k) ? k : null;
        if (kind is null)
        {
            problems.Add(new("meeting_kind", $"'{row["meeting_kind"]}' is not a kind of meeting: in person, video, call or email."));
        }

        int? Score(string column)
        {
            var score = ImportCells.Score(row[column], out var problem);
            if (problem is not null)
            {
                problems.Add(new(column, problem));
            }

            return score;
        }

        var (c, r, i, s) = (Score("credibility"), Score("reliability"), Score("intimacy"), Score("self_orientation"));
        var note = row["note"].Length == 0 ? null : row["note"];
        if (note?.Length > Assessment.NoteMaxLength)
        {
            problems.Add(new("note", $"The note is longer than {Assessment.NoteMaxLength} characters."));
        }

        return problems.Count > 0
            ? null
            : new Candidate(row, externalId, new ScoredMeeting(date!.Value, kind!.Value, new TrustFactors(c!.Value, r!.Value, i!.Value, s!.Value), note));
    }
}

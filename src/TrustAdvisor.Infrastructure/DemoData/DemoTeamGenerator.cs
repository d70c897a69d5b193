using Bogus;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Infrastructure.DemoData;

public sealed record DemoTeam(IReadOnlyList<Relationship> Relationships, IReadOnlyList<Assessment> Assessments, IReadOnlyList<Pulse> Pulses, DemoActions Actions);

/// <summary>
/// A fictional team's relationships with months of history, the same on every run for a given day:
/// factors drift towards a healthy relationship with noise, reliability moves one step at a time,
/// and now and then a meeting that matters moves one factor sharply (with a note saying why). Three of its clients
/// have several contacts, each known by another advisor: two with trust spread over them, and one single-threaded (a
/// contact met this season far behind the one the firm has known for over a year).
/// </summary>
public sealed class DemoTeamGenerator(DateOnly today, Guid teamId, IReadOnlyList<Guid> advisorIds)
{
    public const int Seed = 20261122;

    private static readonly string[] Roles =
        ["CFO", "Head of Operations", "Managing Partner", "IT Director", "Founder", "Procurement Lead", "COO", "General Counsel"];

    private static readonly string[] RoutineNotes =
    [
        "Quarterly review; walked through the open actions.",
        "Short check-in on the project plan.",
        "Went through next year's budget assumptions together.",
        "They asked for a second opinion on a supplier contract.",
        "Follow-up on last month's recommendations.",
        "Workshop with their finance team.",
        "Caught up over coffee; mostly their priorities for the spring.",
    ];

    private static readonly (Factor Factor, int Step, string Note)[] Moments =
    [
        (Factor.Intimacy, +3, "They told me about the restructuring before their board heard."),
        (Factor.SelfOrientation, -2, "Recommended a competitor's tool that fitted them better; they noticed."),
        (Factor.Credibility, +2, "Said plainly that I didn't know the answer and came back with it the next day."),
        (Factor.SelfOrientation, +3, "Pushed the extended retainer too hard; the meeting went cold."),
        (Factor.Reliability, -3, "Missed the deadline for their board pack."),
        (Factor.Credibility, -2, "Got the VAT treatment wrong in front of their CFO."),
    ];

    /// <summary>Which relationships (by their place in the generated order) share a client organisation.</summary>
    private static readonly int[][] SharedClients = [[0, 9], [10, 12], [3, 4, 8]];

    private readonly Faker _faker = new("en_GB") { Random = new Randomizer(Seed) };
    private readonly Dictionary<int, Organisation> _sharedClients = [];

    public DemoTeam Generate()
    {
        var relationships = new List<Relationship>();
        var assessments = new List<Assessment>();
        var stages = new[]
        {
            (RelationshipStage.Meet, 2), (RelationshipStage.Vet, 3), (RelationshipStage.Establish, 4), (RelationshipStage.Maintain, 5),
        };
        var index = 0;
        foreach (var (stage, count) in stages)
        {
            for (var i = 0; i < count; i++, index++)
            {
                var neglected = index is 6 or 11;
                var (relationship, history) = GenerateRelationship(stage, neglected, advisorIds[index % advisorIds.Count], index);
                relationships.Add(relationship);
                assessments.AddRange(history);
            }
        }

        AddCorrection(assessments, relationships[7].Id, MistypedSelfOrientation);
        AddCorrection(assessments, relationships[12].Id, WrongMeetingKind);
        return new DemoTeam(
            relationships, assessments, new DemoPulseGenerator(today, advisorIds).Generate(relationships, assessments),
            new DemoActionGenerator(today, advisorIds).Generate(relationships, assessments));
    }

    private (Relationship, List<Assessment>) GenerateRelationship(RelationshipStage stage, bool neglected, Guid ownerId, int index)
    {
        var (meetings, months) = stage switch
        {
            RelationshipStage.Meet => (_faker.Random.Int(1, 3), 2),
            RelationshipStage.Vet => (_faker.Random.Int(3, 6), 5),
            RelationshipStage.Establish => (_faker.Random.Int(6, 10), 9),
            _ => (_faker.Random.Int(10, 16), 14),
        };
        var firstMeeting = today.AddMonths(-months).AddDays(_faker.Random.Int(0, 14));
        var lastMeeting = neglected ? today.AddDays(-_faker.Random.Int(95, 130)) : today.AddDays(-_faker.Random.Int(2, 30));
        var createdAt = ToUtc(firstMeeting.AddDays(-7), 9);
        var organisation = ClientFor(index, createdAt);
        var name = _faker.Name.FullName();
        var email = organisation.Domain is { } domain ? $"{name.Split(' ')[0].ToLowerInvariant()}@{domain}" : null;
        var contact = new Contact(Guid.CreateVersion7(createdAt), organisation, name, _faker.PickRandom(Roles), email, createdAt);
        var nextReview = neglected ? lastMeeting.AddDays(45) : lastMeeting.AddDays(_faker.Random.Int(28, 70));
        var relationship = new Relationship(Guid.CreateVersion7(createdAt), contact, stage, nextReview, ownerId, teamId, createdAt, isDemo: true);

        var scores = new Dictionary<Factor, int>
        {
            [Factor.Credibility] = _faker.Random.Int(4, 6),
            [Factor.Reliability] = _faker.Random.Int(3, 5),
            [Factor.Intimacy] = _faker.Random.Int(2, 4),
            [Factor.SelfOrientation] = _faker.Random.Int(5, 7),
        };
        var history = new List<Assessment>();
        var span = Math.Max(1, lastMeeting.DayNumber - firstMeeting.DayNumber);
        for (var m = 0; m < meetings; m++)
        {
            var date = meetings == 1 ? lastMeeting : firstMeeting.AddDays(span * m / (meetings - 1));
            var note = m == 0 ? "First meeting." : Evolve(scores);
            var factors = new TrustFactors(
                scores[Factor.Credibility], scores[Factor.Reliability], scores[Factor.Intimacy], scores[Factor.SelfOrientation]);
            var recordedAt = ToUtc(date, _faker.Random.Int(10, 18));
            var meeting = new ScoredMeeting(date, PickKind(), factors, note);
            history.Add(Assessment.Record(Guid.CreateVersion7(recordedAt), relationship.Id, ownerId, meeting, recordedAt, today));
        }

        return (relationship, history);
    }

    /// <summary>
    /// The relationship's client: shared with the others of its group in <see cref="SharedClients"/>, or its own. A shared
    /// client has a web domain (reserved for examples, so no mail leaves for it) and its contacts addresses there.
    /// </summary>
    private Organisation ClientFor(int index, DateTime createdAt)
    {
        var name = _faker.Company.CompanyName();
        var group = Array.FindIndex(SharedClients, g => g.Contains(index));
        if (group < 0)
        {
            return new Organisation(Guid.CreateVersion7(createdAt), name, createdAt, isDemo: true);
        }

        if (!_sharedClients.TryGetValue(group, out var organisation))
        {
            organisation = new Organisation(Guid.CreateVersion7(createdAt), name, createdAt, isDemo: true);
            organisation.SetDomain(new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]) + ".example");
            _sharedClients[group] = organisation;
        }

        return organisation;
    }

    /// <summary>Moves the scores one meeting on and returns the note for it (null for an unremarkable meeting).</summary>
    private string? Evolve(Dictionary<Factor, int> scores)
    {
        if (_faker.Random.Double() < 0.14)
        {
            var moment = _faker.PickRandom(Moments);
            scores[moment.Factor] = Clamp(scores[moment.Factor] + moment.Step);
            return moment.Note;
        }

        Drift(scores, Factor.Credibility, target: 8);
        Drift(scores, Factor.Intimacy, target: 7);
        Drift(scores, Factor.SelfOrientation, target: 3);
        // Reliability needs repetition: it moves a step at a time, mostly upwards when promises are kept.
        scores[Factor.Reliability] = Clamp(scores[Factor.Reliability] + (_faker.Random.Double() < 0.45 ? 1 : _faker.Random.Double() < 0.15 ? -1 : 0));
        return _faker.Random.Double() < 0.6 ? _faker.PickRandom(RoutineNotes) : null;
    }

    private void Drift(Dictionary<Factor, int> scores, Factor factor, int target)
    {
        var towards = Math.Sign(target - scores[factor]);
        var noise = _faker.Random.Int(-1, 1);
        scores[factor] = Clamp(scores[factor] + (_faker.Random.Double() < 0.5 ? towards : 0) + (_faker.Random.Double() < 0.3 ? noise : 0));
    }

    private MeetingKind PickKind() => _faker.Random.Double() switch
    {
        < 0.35 => MeetingKind.InPerson,
        < 0.65 => MeetingKind.Video,
        < 0.90 => MeetingKind.Call,
        _ => MeetingKind.EmailOrOther,
    };

    private void AddCorrection(List<Assessment> assessments, Guid relationshipId, Func<Assessment, (ScoredMeeting Meeting, string Reason)> correct)
    {
        var original = assessments.Where(a => a.RelationshipId == relationshipId).OrderBy(a => a.MeetingDate).Skip(1).First();
        var recordedAt = original.RecordedAt.AddDays(1);
        var (meeting, reason) = correct(original);
        assessments.Add(original.Correct(Guid.CreateVersion7(recordedAt), original.AuthorId!.Value, meeting, reason, recordedAt, today));
    }

    private static (ScoredMeeting, string) MistypedSelfOrientation(Assessment original)
    {
        var meant = original.Factors.SelfOrientation >= 6 ? original.Factors.SelfOrientation - 3 : original.Factors.SelfOrientation + 2;
        var factors = new TrustFactors(original.Factors.Credibility, original.Factors.Reliability, original.Factors.Intimacy, meant);
        return (new ScoredMeeting(original.MeetingDate, original.MeetingKind, factors, original.Note),
            $"Entered self-orientation as {original.Factors.SelfOrientation}; meant {meant} (mixed up with another client).");
    }

    private static (ScoredMeeting, string) WrongMeetingKind(Assessment original)
    {
        var kind = original.MeetingKind == MeetingKind.Video ? MeetingKind.InPerson : MeetingKind.Video;
        return (new ScoredMeeting(original.MeetingDate, kind, original.Factors, original.Note),
            $"The meeting was {MeetingKindNames.Of(kind).ToLowerInvariant()}, not {MeetingKindNames.Of(original.MeetingKind).ToLowerInvariant()}.");
    }

    private static int Clamp(int score) => Math.Clamp(score, TrustFactors.Min, TrustFactors.Max);

    private static DateTime ToUtc(DateOnly date, int hour) => date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
}

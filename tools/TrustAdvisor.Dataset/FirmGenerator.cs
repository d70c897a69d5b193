using Bogus;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Dataset;

public sealed record TeamRow(Guid Id, string Name, DateTime CreatedAt);

public sealed record PersonRow(Guid Id, string Email, string DisplayName, string Role, Guid? TeamId, DateTime CreatedAt);

public sealed record RelationshipRow(
    Guid Id, Guid OwnerId, Guid TeamId, string ClientOrganisation, string ContactName, string? ContactRole,
    RelationshipStage Stage, DateOnly NextReviewDate, DateTime CreatedAt, DateTime? ArchivedAt);

public sealed record AssessmentRow(
    Guid Id, Guid RelationshipId, Guid AuthorId, Guid LineageId, int Revision, DateOnly MeetingDate, MeetingKind Kind,
    TrustFactors Factors, string? Note, DateTime RecordedAt, string? CorrectionReason, DateTime? SupersededAt);

/// <summary>
/// A deterministic firm: teams of advisors under a manager, relationships spread evenly over the advisors, and
/// histories in which trust moves in small steps with the occasional large one, over the given years.
/// </summary>
public sealed class FirmGenerator
{
    private static readonly string[] ContactRoles = ["CFO", "CEO", "COO", "Head of Operations", "Finance Director", "General Counsel", "Founder", "IT Director"];

    private readonly DatasetSpec _spec;
    private readonly Random _random;
    private readonly SeededIds _ids;
    private readonly Faker _faker;
    private readonly DateOnly _today;

    public FirmGenerator(DatasetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
        _random = new Random(spec.Seed);
        _ids = new SeededIds(_random);
        _faker = new Faker("en") { Random = new Randomizer(spec.Seed) };
        _today = spec.TodayOrDefault;
        Start = _today.AddYears(-spec.Years);
    }

    public DateOnly Start { get; }

    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];
    public IReadOnlyList<PersonRow> People { get; private set; } = [];
    public IReadOnlyList<RelationshipRow> Relationships { get; private set; } = [];

    public void GenerateFirm()
    {
        var created = Utc(Start.AddDays(-30));
        Teams = Enumerable.Range(0, _spec.Teams)
            .Select(t => new TeamRow(_ids.At(created), $"{_faker.Address.City()} team {t + 1}", created))
            .ToList();
        var people = new List<PersonRow> { new(_ids.At(created), DatasetSpec.AdministratorEmail, "Bench Administrator", "Administrator", null, created) };
        for (var t = 0; t < _spec.Teams; t++)
        {
            people.Add(new(_ids.At(created), DatasetSpec.ManagerEmail(t), _faker.Name.FullName(), "Manager", Teams[t].Id, created));
        }

        for (var a = 0; a < _spec.Advisors; a++)
        {
            people.Add(new(_ids.At(created), DatasetSpec.AdvisorEmail(a), _faker.Name.FullName(), "Advisor", Teams[a / _spec.AdvisorsPerTeam].Id, created));
        }

        People = people;
        var advisors = people.Where(p => p.Role == "Advisor").ToList();
        Relationships = Enumerable.Range(0, _spec.Relationships).Select(i =>
        {
            var owner = advisors[i % advisors.Count];
            var createdAt = Utc(Start.AddDays(_random.Next(0, 180)));
            return new RelationshipRow(
                _ids.At(createdAt), owner.Id, owner.TeamId!.Value, _faker.Company.CompanyName(), _faker.Name.FullName(),
                _random.Next(5) == 0 ? null : _faker.PickRandom(ContactRoles),
                (RelationshipStage)Weighted(20, 15, 30, 35), _today.AddDays(_random.Next(-60, 120)), createdAt,
                _random.Next(100) < 3 ? Utc(_today.AddDays(-_random.Next(1, 300))) : null);
        }).ToList();
    }

    /// <summary>Every relationship's history, one relationship at a time, meetings oldest first.</summary>
    public IEnumerable<AssessmentRow> Histories()
    {
        var counts = Counts();
        var span = _today.DayNumber - Start.DayNumber;
        for (var i = 0; i < Relationships.Count; i++)
        {
            var relationship = Relationships[i];
            var first = _random.Next(0, span / 3);
            var days = Enumerable.Range(0, counts[i]).Select(_ => _random.Next(first, span)).Order().ToList();
            var factors = new int[] { _random.Next(3, 9), _random.Next(3, 9), _random.Next(2, 8), _random.Next(2, 8) };
            foreach (var day in days)
            {
                Walk(factors);
                var date = Start.AddDays(day);
                var recordedAt = Utc(date).AddHours(9 + _random.Next(9));
                var id = _ids.At(recordedAt);
                var note = _random.Next(10) == 0 ? _faker.Lorem.Sentence(8) : null;
                var kind = (MeetingKind)Weighted(45, 30, 20, 5);
                var current = new TrustFactors(factors[0], factors[1], factors[2], factors[3]);
                if (_random.Next(100) == 0)
                {
                    var wrong = new TrustFactors(Math.Max(1, factors[0] - 1), factors[1], factors[2], factors[3]);
                    yield return new(id, relationship.Id, relationship.OwnerId, id, 1, date, kind, wrong, note, recordedAt, null, recordedAt.AddDays(1));
                    var correctionId = _ids.At(recordedAt.AddDays(1));
                    yield return new(correctionId, relationship.Id, relationship.OwnerId, id, 2, date, kind, current, note, recordedAt.AddDays(1), "Scored from memory; corrected from my notes.", null);
                }
                else
                {
                    yield return new(id, relationship.Id, relationship.OwnerId, id, 1, date, kind, current, note, recordedAt, null, null);
                }
            }
        }
    }

    /// <summary>Meetings per relationship, uneven but adding up to exactly the requested total.</summary>
    private int[] Counts()
    {
        var n = Relationships.Count;
        var counts = Enumerable.Range(0, n).Select(i => (_spec.Assessments / n) + (i < _spec.Assessments % n ? 1 : 0)).ToArray();
        for (var i = 0; i + 1 < n; i += 2)
        {
            var shift = _random.Next(-counts[i] / 2, (counts[i] / 2) + 1);
            counts[i] -= shift;
            counts[i + 1] += shift;
        }

        return counts;
    }

    /// <summary>Most meetings move a factor by a point or not at all; about one in thirty is a moment that matters.</summary>
    private void Walk(int[] factors)
    {
        for (var f = 0; f < factors.Length; f++)
        {
            var roll = _random.Next(100);
            var step = roll < 65 ? 0 : roll < 82 ? 1 : -1;
            if (f == (int)Factor.Reliability && step != 0 && _random.Next(2) == 0)
            {
                step = 0; // reliability needs repetition: it moves more slowly
            }

            factors[f] = Math.Clamp(factors[f] + step, TrustFactors.Min, TrustFactors.Max);
        }

        if (_random.Next(30) == 0)
        {
            var f = _random.Next(factors.Length);
            factors[f] = Math.Clamp(factors[f] + (_random.Next(2) == 0 ? -3 : 3), TrustFactors.Min, TrustFactors.Max);
        }
    }

    private int Weighted(params int[] weights)
    {
        var roll = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static DateTime Utc(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Dataset;

/// <summary>
/// The clients' own answers for the dataset: about one pulse a quarter for each relationship in Establish and Maintain,
/// from a month after its first meeting, read from what the owner scored at the time with the owner's bias (some
/// advisors lenient, some severe, most in step). Most links are answered within days; some are withdrawn, some left
/// to expire and replaced by the next, and the newest may still be open, as the app would leave them.
/// </summary>
public sealed class PulseGenerator
{
    private const int QuarterDays = 91;

    private static readonly string?[] Comments =
        [null, null, null, null, null, null, "Good work; I would like to hear about problems earlier.", "The last report came late."];

    private readonly Random _random;
    private readonly SeededIds _ids;
    private readonly DateOnly _today;
    private readonly Dictionary<Guid, RelationshipRow> _relationships;
    private readonly Dictionary<Guid, int[]> _biases;
    private readonly List<Pulse> _pulses = [];

    public PulseGenerator(DatasetSpec spec, FirmGenerator firm)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(firm);
        _random = new Random(spec.Seed + 1);
        _ids = new SeededIds(_random);
        _today = spec.TodayOrDefault;
        _relationships = firm.Relationships.ToDictionary(r => r.Id);
        _biases = firm.People.Where(p => p.Role == "Advisor").ToDictionary(p => p.Id, _ => Bias());
    }

    /// <summary>The pulses of every relationship the histories have passed so far.</summary>
    public IReadOnlyList<Pulse> Pulses => _pulses;

    /// <summary>Passes the histories through unchanged and asks each relationship's client once its history has passed.</summary>
    public IEnumerable<AssessmentRow> Watch(IEnumerable<AssessmentRow> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var history = new List<AssessmentRow>();
        foreach (var row in histories)
        {
            if (history.Count > 0 && history[0].RelationshipId != row.RelationshipId)
            {
                AskAbout(history);
                history.Clear();
            }

            if (row.SupersededAt is null)
            {
                history.Add(row);
            }

            yield return row;
        }

        if (history.Count > 0)
        {
            AskAbout(history);
        }
    }

    /// <summary>A relationship's pulses, given its current assessments, oldest meeting first.</summary>
    private void AskAbout(List<AssessmentRow> history)
    {
        var relationship = _relationships[history[0].RelationshipId];
        if (relationship.Stage is not (RelationshipStage.Establish or RelationshipStage.Maintain))
        {
            return;
        }

        var bias = _biases[relationship.OwnerId];
        var end = relationship.ArchivedAt is { } archived ? DateOnly.FromDateTime(archived) : _today;
        var now = Utc(_today.AddDays(1));
        Pulse? previous = null;
        for (var on = history[0].MeetingDate.AddDays(30 + _random.Next(60)); on < end; on = on.AddDays(QuarterDays + _random.Next(-10, 11)))
        {
            var askedAt = Utc(on).AddHours(9 + _random.Next(8));
            previous?.Replace(askedAt);
            var id = _ids.At(askedAt);
            var pulse = Pulse.Ask(id, relationship.Id, relationship.OwnerId, relationship.OwnerId, relationship.ContactName,
                PulseToken.New(id), askedAt, Pulse.DefaultValidDays);
            var roll = _random.Next(100);
            var answeredAt = askedAt.AddHours(1 + _random.Next(24 * 10));
            if (roll < 82 && answeredAt < now)
            {
                var day = DateOnly.FromDateTime(answeredAt);
                var scored = history.Last(a => a.MeetingDate <= day).Factors;
                pulse.Answer(_ids.At(answeredAt), ClientSees(scored, bias), Comments[_random.Next(Comments.Length)], answeredAt);
            }
            else if (roll < 86 && askedAt.AddDays(2) < now)
            {
                pulse.Withdraw(askedAt.AddDays(2));
            }

            _pulses.Add(pulse);
            previous = pulse;
        }
    }

    /// <summary>How far an advisor's clients see them from their own scores (C, R, I, S): three in ten lenient, two severe.</summary>
    private int[] Bias() => _random.Next(10) switch
    {
        < 3 => [-1, -2, -1, +2],
        < 5 => [+1, +1, +2, -1],
        _ => [0, 0, 0, 0],
    };

    private ClientAnswers ClientSees(TrustFactors scored, int[] bias)
    {
        int Around(int score, int shift) => Math.Clamp(score + shift + _random.Next(-1, 2), TrustFactors.Min, TrustFactors.Max);
        return new ClientAnswers(
            Around(scored.Credibility, bias[0]), Around(scored.Reliability, bias[1]), Around(scored.Intimacy, bias[2]),
            TrustFactors.Max + TrustFactors.Min - Around(scored.SelfOrientation, bias[3]));
    }

    private static DateTime Utc(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

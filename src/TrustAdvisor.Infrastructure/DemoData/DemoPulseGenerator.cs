using Bogus;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Infrastructure.DemoData;

/// <summary>
/// The demo team's clients' own answers: about one pulse a quarter for relationships in Establish and Maintain, read
/// from what the owner scored at the time with each advisor's bias (the first advisor, the published demo account, is
/// lenient; the second severe; the rest in step), so the client's view, the gaps and calibration show at first sight.
/// The latest pulse of two relationships is still open, and one asked long ago was never answered.
/// </summary>
public sealed class DemoPulseGenerator(DateOnly today, IReadOnlyList<Guid> advisorIds)
{
    private const int QuarterDays = 91;

    private static readonly string?[] Comments =
    [
        null, null, null,
        "Good to work with; I would like to hear about problems earlier.",
        "The last report arrived late, again.",
        "Very helpful on the supplier contract.",
        "Sometimes it feels like every meeting ends with a proposal.",
    ];

    private readonly Randomizer _random = new(DemoTeamGenerator.Seed + 1);

    public IReadOnlyList<Pulse> Generate(IReadOnlyList<Relationship> relationships, IReadOnlyList<Assessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        ArgumentNullException.ThrowIfNull(assessments);
        var pulses = new List<Pulse>();
        var asked = relationships.Where(r => r.Stage is RelationshipStage.Establish or RelationshipStage.Maintain).ToList();
        for (var index = 0; index < asked.Count; index++)
        {
            var relationship = asked[index];
            var history = assessments.Where(a => a.RelationshipId == relationship.Id && a.IsCurrent).OrderBy(a => a.MeetingDate).ToList();
            var bias = Bias(relationship.OwnerId!.Value);
            var leaveOpen = index is 1 or 5;
            for (var on = today.AddDays(-_random.Int(10, 40)); on > history[0].MeetingDate.AddDays(30); on = on.AddDays(-QuarterDays - _random.Int(-10, 10)))
            {
                var scored = history.Last(a => a.MeetingDate <= on).Factors;
                var pulse = Ask(relationship, on.AddDays(-_random.Int(1, 5)));
                if (leaveOpen && pulses.All(p => p.RelationshipId != relationship.Id))
                {
                    // The newest link of this relationship is still waiting for the client.
                    pulses.Add(Ask(relationship, today.AddDays(-3)));
                }

                pulse.Answer(
                    Guid.CreateVersion7(ToUtc(on, 16)), ClientSees(scored, bias), _random.ArrayElement(Comments), ToUtc(on, 16));
                pulses.Add(pulse);
            }
        }

        // Asked, and never answered before the link expired.
        pulses.Add(Ask(asked[^1], today.AddDays(-Pulse.DefaultValidDays - 20)));
        return pulses;
    }

    /// <summary>How far the client's view sits from the advisor's score, per factor, for this advisor.</summary>
    private int[] Bias(Guid ownerId) => advisorIds.ToList().IndexOf(ownerId) switch
    {
        0 => [-1, -2, -1, +2],
        1 => [+1, +2, +1, -1],
        _ => [0, 0, 0, 0],
    };

    private ClientAnswers ClientSees(TrustFactors scored, int[] bias)
    {
        int Around(int score, int shift) => Math.Clamp(score + shift + _random.Int(-1, 1), TrustFactors.Min, TrustFactors.Max);
        var selfOrientation = Around(scored.SelfOrientation, bias[3]);
        return new ClientAnswers(
            Around(scored.Credibility, bias[0]), Around(scored.Reliability, bias[1]), Around(scored.Intimacy, bias[2]),
            TrustFactors.Max + TrustFactors.Min - selfOrientation);
    }

    private static Pulse Ask(Relationship relationship, DateOnly on)
    {
        var askedAt = ToUtc(on, 9);
        var id = Guid.CreateVersion7(askedAt);
        return Pulse.Ask(id, relationship.Id, relationship.OwnerId!.Value, relationship.OwnerId!.Value, relationship.Contact.Name,
            PulseToken.New(id), askedAt, Pulse.DefaultValidDays);
    }

    private static DateTime ToUtc(DateOnly date, int hour) => date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
}

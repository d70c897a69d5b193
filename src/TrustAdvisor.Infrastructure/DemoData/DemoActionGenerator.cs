using Bogus;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Coaching;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Infrastructure.DemoData;

public sealed record DemoActions(IReadOnlyList<Commitment> Commitments, IReadOnlyList<RiskTaken> Risks, IReadOnlyList<RecoveryPlan> Plans);

/// <summary>
/// What the demo team did about trust, the same on every run for a given day: promises noted at about half the
/// meetings of the last half year (most kept on time, some late, a few broken; the published demo advisor has two
/// overdue and one due soon), a few constructive risks beside meetings, and one open recovery plan on the demo
/// advisor's relationship that fell furthest, with a step done, one overdue and one to come.
/// </summary>
public sealed class DemoActionGenerator(DateOnly today, IReadOnlyList<Guid> advisorIds)
{
    private static readonly string[] Promises =
    [
        "Send the draft engagement letter",
        "Share the benchmark figures from the sector report",
        "Introduce their CFO to our tax partner",
        "Send the minutes with the agreed actions",
        "Check the VAT treatment of the new contracts",
        "Come back with two options for the budget model",
        "Book the workshop with their finance team",
    ];

    private readonly Randomizer _random = new(DemoTeamGenerator.Seed + 2);

    public DemoActions Generate(IReadOnlyList<Relationship> relationships, IReadOnlyList<Assessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        ArgumentNullException.ThrowIfNull(assessments);
        var commitments = new List<Commitment>();
        var risks = new List<RiskTaken>();
        var current = assessments.Where(a => a.IsCurrent && a.MeetingDate > today.AddDays(-182)).OrderBy(a => a.MeetingDate).ToList();
        foreach (var meeting in current)
        {
            var owner = relationships.First(r => r.Id == meeting.RelationshipId).OwnerId!.Value;
            if (_random.Bool(0.5f))
            {
                commitments.Add(Promise(meeting, owner, due: meeting.MeetingDate.AddDays(_random.Int(3, 14))));
            }

            if (_random.Bool(0.2f))
            {
                risks.Add(RiskTaken.In(Guid.CreateVersion7(), meeting.RelationshipId, meeting.LineageId, _random.ArrayElement(ConstructiveRisks.All.ToArray()), meeting.MeetingDate, owner));
            }
        }

        // The published demo advisor's latest meetings: two promises overdue (one a week) and one due in a few days.
        var demoAdvisor = advisorIds[0];
        var latest = relationships.Where(r => r.OwnerId == demoAdvisor)
            .Select(r => current.LastOrDefault(a => a.RelationshipId == r.Id))
            .OfType<Assessment>()
            .OrderByDescending(a => a.MeetingDate)
            .ToList();
        for (var i = 0; i < latest.Count && i < 3; i++)
        {
            // Made at that meeting when it was over nine days ago; otherwise in a call before it, not tied to a score.
            var atMeeting = latest[i].MeetingDate <= today.AddDays(-9);
            var made = atMeeting ? latest[i].MeetingDate : today.AddDays(-9);
            commitments.Add(Commitment.Make(
                Guid.CreateVersion7(), latest[i].RelationshipId, atMeeting ? latest[i].LineageId : null, demoAdvisor, Promises[i], made,
                i switch { 0 => today.AddDays(-7), 1 => today.AddDays(-2), _ => today.AddDays(3) }, ToUtc(made)));
        }

        return new DemoActions(commitments, risks, Plan(relationships, assessments, demoAdvisor));
    }

    /// <summary>Settled as most advisors settle them: mostly kept on time, some late, a few broken; those still ahead left open.</summary>
    private Commitment Promise(Assessment meeting, Guid owner, DateOnly due)
    {
        var commitment = Commitment.Make(Guid.CreateVersion7(), meeting.RelationshipId, meeting.LineageId, owner, _random.ArrayElement(Promises), meeting.MeetingDate, due, ToUtc(meeting.MeetingDate));
        if (due >= today)
        {
            return commitment;
        }

        var roll = _random.Int(1, 100);
        if (roll <= 80)
        {
            commitment.MarkKept(due.AddDays(-_random.Int(0, Math.Min(2, due.DayNumber - meeting.MeetingDate.DayNumber))), owner, today);
        }
        else if (roll <= 92)
        {
            commitment.MarkKept(Min(due.AddDays(_random.Int(1, 6)), today), owner, today);
        }
        else
        {
            commitment.MarkBroken(owner, Min(due.AddDays(7), today));
        }

        return commitment;
    }

    /// <summary>One open plan on the demo advisor's relationship whose latest step was the largest drop.</summary>
    private List<RecoveryPlan> Plan(IReadOnlyList<Relationship> relationships, IReadOnlyList<Assessment> assessments, Guid owner)
    {
        var dropped = relationships.Where(r => r.OwnerId == owner)
            .Select(r => assessments.Where(a => a.RelationshipId == r.Id && a.IsCurrent).OrderBy(a => a.MeetingDate).TakeLast(2).ToList())
            .Where(pair => pair.Count == 2)
            .Select(pair => (Latest: pair[1], Change: TrustChange.Between(pair[0].Factors, pair[1].Factors)))
            .OrderBy(x => x.Change.Delta)
            .FirstOrDefault();
        if (dropped.Latest is null)
        {
            return [];
        }

        var factor = dropped.Change.Driver?.Factor ?? WeakestFactorOf(dropped.Latest.Factors);
        var openedOn = today.AddDays(-10);
        var plan = RecoveryPlan.Open(
            Guid.CreateVersion7(), dropped.Latest.RelationshipId, owner, factor,
            "We felt you were more interested in the next piece of work than in what we were worried about.", today.AddDays(20), openedOn);
        var call = plan.AddStep(Guid.CreateVersion7(), "Call the client to name the problem and ask what would help", owner, openedOn.AddDays(2));
        plan.AddStep(Guid.CreateVersion7(), "Send the promised analysis, without a proposal attached", owner, today.AddDays(-1));
        plan.AddStep(Guid.CreateVersion7(), "Meet the sponsor to agree how we work together from here", advisorIds[^1], today.AddDays(12));
        plan.MarkStepDone(call.Id, openedOn.AddDays(1), today);
        return [plan];
    }

    private static Factor WeakestFactorOf(TrustFactors factors) => Domain.Trends.WeakestFactor.Of(factors);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateTime ToUtc(DateOnly day) => day.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc);
}

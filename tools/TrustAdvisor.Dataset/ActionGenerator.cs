using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Domain.Recovery;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Dataset;

public sealed record CommitmentRow(
    Guid Id, Guid RelationshipId, Guid LineageId, Guid MadeById, string Promise, DateOnly MadeOn, DateOnly DueOn,
    CommitmentStatus Status, DateOnly? ClosedOn, string? WithdrawnBecause, DateTime CreatedAt);

public sealed record PlanRow(
    Guid Id, Guid RelationshipId, Guid OpenedById, DateOnly OpenedOn, Factor Factor, string Problem, DateOnly ReviewOn,
    RecoveryPlanStatus Status, DateOnly? ClosedOn, bool? TrustRecovered);

public sealed record StepRow(Guid Id, Guid PlanId, string What, Guid OwnerId, DateOnly DueOn, DateOnly? DoneOn);

/// <summary>
/// What the dataset's advisors did about trust: two promises at about a quarter of the meetings (85% kept, mostly on
/// time; some broken, a few withdrawn, some still open past their day), and a recovery plan, open, for about four in
/// ten of the relationships whose latest meeting was a sharp drop (three steps, the first done).
/// </summary>
public sealed class ActionGenerator
{
    private static readonly string[] Promises =
        ["Send the draft engagement letter", "Share the sector benchmark", "Introduce the tax partner", "Send the minutes", "Check the VAT treatment"];

    private readonly Random _random;
    private readonly SeededIds _ids;
    private readonly DateOnly _today;
    private readonly Dictionary<Guid, RelationshipRow> _relationships;

    public ActionGenerator(DatasetSpec spec, FirmGenerator firm)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(firm);
        _random = new Random(spec.Seed + 2);
        _ids = new SeededIds(_random);
        _today = spec.TodayOrDefault;
        _relationships = firm.Relationships.ToDictionary(r => r.Id);
    }

    public List<CommitmentRow> Commitments { get; } = [];
    public List<PlanRow> Plans { get; } = [];
    public List<StepRow> Steps { get; } = [];

    /// <summary>Passes the histories through unchanged, noting each current assessment's promises and each relationship's plan.</summary>
    public IEnumerable<AssessmentRow> Watch(IEnumerable<AssessmentRow> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        AssessmentRow? previous = null, latest = null;
        foreach (var row in histories)
        {
            if (latest is not null && latest.RelationshipId != row.RelationshipId)
            {
                PlanFor(previous, latest);
                (previous, latest) = (null, null);
            }

            if (row.SupersededAt is null)
            {
                (previous, latest) = (latest, row);
                if (_random.Next(4) == 0)
                {
                    Promise(row);
                    Promise(row);
                }
            }

            yield return row;
        }

        PlanFor(previous, latest);
    }

    private void Promise(AssessmentRow meeting)
    {
        var due = meeting.MeetingDate.AddDays(3 + _random.Next(19));
        var createdAt = meeting.RecordedAt;
        var (status, closedOn, because) = (CommitmentStatus.Open, (DateOnly?)null, (string?)null);
        if (due < _today)
        {
            var roll = _random.Next(100);
            (status, closedOn, because) = roll switch
            {
                < 75 => (CommitmentStatus.KeptOnTime, (DateOnly?)Min(due.AddDays(-_random.Next(3)), _today), (string?)null),
                < 85 => (CommitmentStatus.KeptLate, Min(due.AddDays(1 + _random.Next(10)), _today), null),
                < 93 => (CommitmentStatus.Broken, Min(due.AddDays(7), _today), null),
                < 96 => (CommitmentStatus.Withdrawn, due.AddDays(-1), "The client changed their mind"),
                _ => (CommitmentStatus.Open, (DateOnly?)null, (string?)null),
            };
            if (closedOn < meeting.MeetingDate)
            {
                closedOn = meeting.MeetingDate;
            }
        }

        Commitments.Add(new CommitmentRow(
            _ids.At(new DateTimeOffset(createdAt, TimeSpan.Zero)), meeting.RelationshipId, meeting.LineageId, meeting.AuthorId,
            Promises[_random.Next(Promises.Length)], meeting.MeetingDate, due, status, closedOn, because, createdAt));
    }

    private void PlanFor(AssessmentRow? previous, AssessmentRow? latest)
    {
        if (previous is null || latest is null || _relationships[latest.RelationshipId].ArchivedAt is not null
            || TrustChange.Between(previous.Factors, latest.Factors) is not { IsSharpDrop: true, Driver: { } driver }
            || _random.Next(10) >= 4)
        {
            return;
        }

        var openedOn = Min(latest.MeetingDate.AddDays(1 + _random.Next(5)), _today);
        var owner = _relationships[latest.RelationshipId].OwnerId;
        var id = _ids.At(new DateTimeOffset(openedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        Plans.Add(new PlanRow(id, latest.RelationshipId, owner, openedOn, driver.Factor, "We felt you had stopped listening to what worries us.",
            openedOn.AddDays(30 + _random.Next(30)), RecoveryPlanStatus.Open, null, null));
        for (var i = 0; i < 3; i++)
        {
            var due = openedOn.AddDays(7 * (i + 1));
            Steps.Add(new StepRow(_ids.At(new DateTimeOffset(openedOn.ToDateTime(new TimeOnly(10, i)), TimeSpan.Zero)), id, $"Step {i + 1} of the plan", owner, due,
                i == 0 && due <= _today ? due : null));
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

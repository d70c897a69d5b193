namespace TrustAdvisor.Domain.Coaching;

/// <summary>A constructive risk the advisor took in a scored meeting: shown beside the meeting in the history, counted per advisor.</summary>
public sealed class RiskTaken
{
    private RiskTaken()
    {
    }

    public Guid Id { get; private set; }
    public Guid RelationshipId { get; private set; }

    /// <summary>The meeting's assessment (its lineage, which corrections keep).</summary>
    public Guid AssessmentLineageId { get; private set; }

    public ConstructiveRisk Risk { get; private set; }
    public DateOnly MeetingDate { get; private set; }
    public Guid TakenById { get; private set; }

    public static RiskTaken In(Guid id, Guid relationshipId, Guid assessmentLineageId, ConstructiveRisk risk, DateOnly meetingDate, Guid takenById) =>
        Enum.IsDefined(risk)
            ? new RiskTaken { Id = id, RelationshipId = relationshipId, AssessmentLineageId = assessmentLineageId, Risk = risk, MeetingDate = meetingDate, TakenById = takenById }
            : throw new ArgumentOutOfRangeException(nameof(risk), risk, "Unknown constructive risk.");
}

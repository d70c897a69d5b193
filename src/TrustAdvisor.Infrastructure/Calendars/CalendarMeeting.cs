using TrustAdvisor.Domain.Assessments;

namespace TrustAdvisor.Infrastructure.Calendars;

/// <summary>
/// A client meeting found in a person's calendar: when, with whom (a contact, or an organisation known by its domain),
/// what kind, and the event's UID and occurrence, which identify it whatever is later moved or edited (one per person,
/// UID and occurrence). The title, body and other attendees are never stored. It is prompted for once, may be
/// dismissed as not a client meeting, and is scored by an assessment.
/// </summary>
public sealed class CalendarMeeting
{
    public const int UidMaxLength = 500;

    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public string EventUid { get; init; } = string.Empty;

    /// <summary>Empty for a single event; for an occurrence of a recurring one, the start it was scheduled for.</summary>
    public string OccurrenceKey { get; init; } = string.Empty;

    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public Guid? ContactId { get; set; }
    public Guid OrganisationId { get; set; }
    public MeetingKind Kind { get; set; }
    public string ChangeHash { get; set; } = string.Empty;
    public DateTime FoundAt { get; init; }
    public DateTime? PromptedAt { get; set; }
    public DateTime? DismissedAt { get; set; }
    public Guid? AssessmentId { get; set; }
}

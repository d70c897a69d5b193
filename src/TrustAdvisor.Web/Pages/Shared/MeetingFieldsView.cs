namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>
/// What the meeting fields partial needs: the input to show, today's date (the latest a meeting can be), and whether
/// the note may be edited (not when correcting someone else's private note, which is kept as it is, unread).
/// </summary>
public sealed record MeetingFieldsView(MeetingInput Input, DateOnly Today, bool CanEditNote = true);

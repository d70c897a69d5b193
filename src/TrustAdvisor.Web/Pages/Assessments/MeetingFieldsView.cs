namespace TrustAdvisor.Web.Pages.Assessments;

/// <summary>What the meeting fields partial needs: the input to show and today's date (the latest a meeting can be).</summary>
public sealed record MeetingFieldsView(MeetingInput Input, DateOnly Today);

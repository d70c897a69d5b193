namespace TrustAdvisor.Domain.Assessments;

public enum MeetingKind
{
    InPerson,
    Call,
    Video,
    EmailOrOther,
}

public static class MeetingKindNames
{
    public static string Of(MeetingKind kind) => kind switch
    {
        MeetingKind.InPerson => "In person",
        MeetingKind.Call => "Call",
        MeetingKind.Video => "Video",
        MeetingKind.EmailOrOther => "Email/other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown meeting kind."),
    };
}

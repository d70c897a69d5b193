using System.Text.RegularExpressions;
using TrustAdvisor.Domain.Assessments;

namespace TrustAdvisor.Domain.Calendars;

/// <summary>
/// The kind of meeting a calendar event was: a Teams, Zoom, Meet or Webex link anywhere in it makes it video; else a
/// location makes it in person; else a call. The person can change it on the score form.
/// </summary>
public static partial class MeetingKindFromEvent
{
    public static MeetingKind Of(string? location, string? description, string? url)
    {
        if (VideoLink().IsMatch(string.Join('\n', location, description, url)))
        {
            return MeetingKind.Video;
        }

        return string.IsNullOrWhiteSpace(location) ? MeetingKind.Call : MeetingKind.InPerson;
    }

    [GeneratedRegex(@"(teams\.microsoft\.com|teams\.live\.com|zoom\.us/|meet\.google\.com|webex\.com/)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex VideoLink();
}

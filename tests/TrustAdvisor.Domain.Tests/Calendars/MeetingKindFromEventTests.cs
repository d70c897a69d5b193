using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Calendars;

namespace TrustAdvisor.Domain.Tests.Calendars;

public class MeetingKindFromEventTests
{
    [Theory]
    [InlineData("Microsoft Teams Meeting", "Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting", null, MeetingKind.Video)]
    [InlineData(null, null, "https://us02web.zoom.us/j/8812345", MeetingKind.Video)]
    [InlineData("https://meet.google.com/abc-defg-hij", null, null, MeetingKind.Video)]
    [InlineData("Acme HQ, 3rd floor", "Agenda: renewal", null, MeetingKind.InPerson)]
    [InlineData(null, "Dial in: +44 20 7946 0000", null, MeetingKind.Call)]
    [InlineData("  ", null, null, MeetingKind.Call)]
    public void A_video_link_anywhere_makes_it_video_else_a_place_in_person_else_a_call(string? location, string? description, string? url, MeetingKind kind) =>
        MeetingKindFromEvent.Of(location, description, url).ShouldBe(kind);
}

using TrustAdvisor.Domain.Calendars;

namespace TrustAdvisor.Domain.Tests.Calendars;

public class AttendeeMatchTests
{
    private static readonly Guid Jane = Guid.NewGuid();
    private static readonly Guid Omar = Guid.NewGuid();
    private static readonly Guid Acme = Guid.NewGuid();
    private static readonly Guid Globex = Guid.NewGuid();

    private static readonly AttendeeMatch Match = new(
        new Dictionary<string, (Guid, Guid)> { ["jane@acme.example"] = (Jane, Acme), ["omar@globex.example"] = (Omar, Globex) },
        new Dictionary<string, Guid> { ["acme.example"] = Acme, ["globex.example"] = Globex });

    [Fact]
    public void A_contact_s_address_in_any_case_makes_it_their_meeting() =>
        Match.Find(["me@firm.example", "MAILTO:Jane@ACME.example"]).ShouldBe(new MeetingMatch(Jane, Acme));

    [Fact]
    public void A_known_contact_wins_over_an_earlier_attendee_known_only_by_domain() =>
        Match.Find(["someone@acme.example", "mailto:omar@globex.example"]).ShouldBe(new MeetingMatch(Omar, Globex));

    [Fact]
    public void An_address_at_an_organisation_s_domain_makes_it_that_organisation_s_with_the_contact_to_pick() =>
        Match.Find(["mailto:new.person@acme.example"]).ShouldBe(new MeetingMatch(null, Acme));

    [Fact]
    public void Colleagues_strangers_and_what_is_no_address_are_not_a_client_meeting()
    {
        Match.Find(["me@firm.example", "friend@gmail.example", "not-an-address", "", "mailto:"]).ShouldBeNull();
        Match.Find(["jane@acme.example.evil"]).ShouldBeNull("a domain that only starts like the client's");
    }
}

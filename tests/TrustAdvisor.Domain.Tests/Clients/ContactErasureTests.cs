using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Clients;

public class ContactErasureTests
{
    [Fact]
    public void Erasing_forgets_who_the_person_was_and_that_they_may_be_asked()
    {
        var jo = Given.ContactAt(Given.Acme, "Jo Bloggs", "CFO", "jo@acme.test");

        jo.Erase(Given.Now);
        jo.Erase(Given.Now.AddDays(1));

        (jo.Name, jo.Role, jo.Email).ShouldBe((Contact.ErasedName, (string?)null, (string?)null));
        jo.ErasedAt.ShouldBe(Given.Now, "the first time counts");
        jo.MayBeAsked.ShouldBeFalse();
    }

    [Fact]
    public void A_note_loses_the_name_in_any_case_and_keeps_the_rest()
    {
        var meeting = new ScoredMeeting(new DateOnly(2026, 11, 1), MeetingKind.Call, new TrustFactors(6, 6, 6, 3), "Called JO BLOGGS; Jo Bloggs agreed.");
        var assessment = Assessment.Record(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), meeting, Given.Now, new DateOnly(2026, 11, 22));

        assessment.RedactName("Jo Bloggs", Contact.ErasedName).ShouldBeTrue();
        assessment.Note.ShouldBe("Called Erased contact; Erased contact agreed.");
        assessment.RedactName("Sam Lee", Contact.ErasedName).ShouldBeFalse();
        assessment.Factors.ShouldBe(new TrustFactors(6, 6, 6, 3));
    }
}

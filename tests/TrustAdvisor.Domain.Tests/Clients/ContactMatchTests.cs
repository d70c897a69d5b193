using TrustAdvisor.Domain.Clients;

namespace TrustAdvisor.Domain.Tests.Clients;

public class ContactMatchTests
{
    private readonly Organisation _acme = new(Guid.NewGuid(), "Acme Ltd", Given.Now);

    private Contact Choose(IReadOnlyCollection<Contact> known, string name, string? role = null, string? email = null, Contact? current = null) =>
        ContactMatch.Choose(_acme, known, new ContactDetails(name, role, email), current, Guid.NewGuid(), Given.Now);

    [Fact]
    public void The_same_address_is_the_same_person_whatever_the_name_says()
    {
        var jo = Given.ContactAt(_acme, "Jo Bloggs", "CFO", "jo@acme.test");

        var chosen = Choose([jo], "Joanna Bloggs", email: "JO@acme.test");

        chosen.ShouldBeSameAs(jo);
        chosen.Name.ShouldBe("Joanna Bloggs", "the spelling typed last is kept");
        chosen.Role.ShouldBe("CFO", "an empty role from someone else's form does not wipe it");
    }

    [Fact]
    public void Another_address_is_another_person_even_with_the_same_name()
    {
        var jo = Given.ContactAt(_acme, "Jo Bloggs", email: "jo@acme.test");

        var chosen = Choose([jo], "Jo Bloggs", email: "jo.bloggs@other.test", current: jo);

        chosen.ShouldNotBeSameAs(jo);
        chosen.Email.ShouldBe("jo.bloggs@other.test");
        chosen.OrganisationId.ShouldBe(_acme.Id);
        jo.Email.ShouldBe("jo@acme.test");
    }

    [Fact]
    public void Without_an_address_the_same_name_is_the_same_person_unless_they_have_one()
    {
        var sam = Given.ContactAt(_acme, "Sam Lee", role: null);
        var jo = Given.ContactAt(_acme, "Jo Bloggs", email: "jo@acme.test");

        Choose([sam, jo], " sam lee ", role: "COO").ShouldBeSameAs(sam);
        sam.Role.ShouldBe("COO");
        Choose([sam, jo], "Jo Bloggs").ShouldNotBeSameAs(jo, "someone with an address is not matched by name alone");
    }

    [Fact]
    public void An_address_typed_for_someone_known_by_name_only_becomes_theirs()
    {
        var sam = Given.ContactAt(_acme, "Sam Lee", role: null);

        Choose([sam], "Sam Lee", email: "sam@acme.test").ShouldBeSameAs(sam);

        sam.Email.ShouldBe("sam@acme.test");
    }

    [Fact]
    public void Editing_the_relationship_s_own_contact_can_clear_the_role_and_the_address()
    {
        var jo = Given.ContactAt(_acme, "Jo Bloggs", "CFO", "jo@acme.test");

        Choose([jo], "Jo Bloggs", role: " ", email: null, current: jo).ShouldBeSameAs(jo);

        jo.Role.ShouldBeNull();
        jo.Email.ShouldBeNull();
    }

    [Fact]
    public void A_contact_who_opted_out_stays_out_until_the_relationship_is_with_someone_else()
    {
        var jo = Given.ContactAt(_acme, "Jo Bloggs", email: "jo@acme.test");
        jo.MayBeAsked.ShouldBeTrue();
        jo.OptsOut(Given.Now);
        jo.OptsOut(Given.Now.AddDays(1));
        jo.OptedOutAt.ShouldBe(Given.Now, "the first time counts");

        Choose([jo], "Jo Bloggs", email: "JO@acme.test", current: jo).MayBeAsked.ShouldBeFalse("the same address: the same person");
        Choose([jo], "Jo Bloggs", current: jo).ShouldBeSameAs(jo);
        Choose([jo], "Jo Bloggs", email: "jo@acme.test", current: jo).MayBeAsked
            .ShouldBeFalse("an address removed and typed in again does not undo the contact's choice");
        Choose([jo], "Jo Bloggs", email: "sam@acme.test", current: jo).MayBeAsked
            .ShouldBeTrue("another person's choice is still theirs to make");
    }

    [Fact]
    public void A_contact_at_another_organisation_is_never_the_current_one()
    {
        var other = new Organisation(Guid.NewGuid(), "Other plc", Given.Now);
        var jo = Given.ContactAt(other, "Jo Bloggs");

        var chosen = Choose([], "Jo Bloggs", current: jo);

        chosen.ShouldNotBeSameAs(jo);
        chosen.OrganisationId.ShouldBe(_acme.Id);
    }

    [Theory]
    [InlineData("jo@acme")]
    [InlineData("Jo <jo@acme.test>")]
    public void Refuses_an_implausible_address(string email) =>
        Should.Throw<ArgumentException>(() => Choose([], "Jo", email: email));
}

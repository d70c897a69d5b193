using TrustAdvisor.Domain.Relationships;

namespace TrustAdvisor.Domain.Tests.Relationships;

public class RelationshipTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc);

    private static RelationshipDetails Details(string client = "Acme Ltd", string contact = "Jo Bloggs") =>
        new(client, contact, " CFO ", RelationshipStage.Vet, new DateOnly(2027, 1, 15));

    [Fact]
    public void Trims_text_and_drops_an_empty_role()
    {
        var relationship = new Relationship(Guid.NewGuid(), Details(" Acme Ltd ", " Jo "), Guid.NewGuid(), Guid.NewGuid(), Now);
        relationship.ClientOrganisation.ShouldBe("Acme Ltd");
        relationship.ContactName.ShouldBe("Jo");
        relationship.ContactRole.ShouldBe("CFO");

        relationship.Update(Details() with { ContactRole = "  " });
        relationship.ContactRole.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "Jo")]
    [InlineData("Acme", "   ")]
    public void Refuses_missing_names(string client, string contact) =>
        Should.Throw<ArgumentException>(() => new Relationship(Guid.NewGuid(), Details(client, contact), Guid.NewGuid(), Guid.NewGuid(), Now));

    [Fact]
    public void Refuses_overlong_names() =>
        Should.Throw<ArgumentException>(() => new Relationship(Guid.NewGuid(), Details(new string('a', 201)), Guid.NewGuid(), Guid.NewGuid(), Now));

    [Fact]
    public void A_contact_who_opted_out_stays_out_until_the_contact_is_someone_else()
    {
        var relationship = new Relationship(Guid.NewGuid(), Details() with { ContactEmail = "jo@acme.test" }, Guid.NewGuid(), Guid.NewGuid(), Now);
        relationship.MayAskTheContact.ShouldBeTrue();

        relationship.ContactOptsOut(Now);
        relationship.ContactOptsOut(Now.AddDays(1));
        relationship.ContactOptedOutAt.ShouldBe(Now, "the first time counts");

        relationship.Update(Details() with { ContactEmail = "JO@acme.test", NextReviewDate = new DateOnly(2027, 2, 1) });
        relationship.MayAskTheContact.ShouldBeFalse("the same address, another review date: the same person");
        relationship.Update(Details());
        relationship.Update(Details() with { ContactEmail = "sam@acme.test" });
        relationship.MayAskTheContact.ShouldBeFalse("an address removed and another typed in does not undo the contact's choice");

        var other = new Relationship(Guid.NewGuid(), Details() with { ContactEmail = "jo@acme.test" }, Guid.NewGuid(), Guid.NewGuid(), Now);
        other.ContactOptsOut(Now);
        other.Update(Details() with { ContactEmail = "sam@acme.test" });
        other.MayAskTheContact.ShouldBeTrue("another person's choice is still theirs to make");
    }

    [Fact]
    public void Every_change_issues_a_new_version()
    {
        var relationship = new Relationship(Guid.NewGuid(), Details(), Guid.NewGuid(), Guid.NewGuid(), Now);
        var first = relationship.Version;

        relationship.Update(Details());
        var second = relationship.Version;
        relationship.Archive(Now);

        new[] { first, second, relationship.Version }.Distinct().Count().ShouldBe(3);
        relationship.IsArchived.ShouldBeTrue();
        relationship.Restore();
        relationship.IsArchived.ShouldBeFalse();
    }
}

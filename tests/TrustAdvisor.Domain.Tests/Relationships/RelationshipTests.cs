using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Tests.Clients;

namespace TrustAdvisor.Domain.Tests.Relationships;

public class RelationshipTests
{
    [Fact]
    public void Is_with_one_contact_of_one_organisation()
    {
        var jo = Given.ContactAt(Given.Acme);

        var relationship = Given.RelationshipWith(jo);

        relationship.Contact.ShouldBeSameAs(jo);
        relationship.ContactId.ShouldBe(jo.Id);
        relationship.Contact.Organisation.ShouldBeSameAs(Given.Acme);
    }

    [Fact]
    public void Refuses_an_unknown_stage() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new Relationship(
            Guid.NewGuid(), Given.ContactAt(Given.Acme), (RelationshipStage)9, new DateOnly(2027, 1, 1), Guid.NewGuid(), Guid.NewGuid(), Given.Now));

    [Fact]
    public void Every_change_issues_a_new_version()
    {
        var jo = Given.ContactAt(Given.Acme);
        var relationship = Given.RelationshipWith(jo);
        var first = relationship.Version;

        relationship.Update(jo, RelationshipStage.Establish, new DateOnly(2027, 3, 1));
        var second = relationship.Version;
        relationship.Archive(Given.Now);

        new[] { first, second, relationship.Version }.Distinct().Count().ShouldBe(3);
        relationship.IsArchived.ShouldBeTrue();
        relationship.Restore();
        relationship.IsArchived.ShouldBeFalse();
    }
}

using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Tests.Clients;

namespace TrustAdvisor.Domain.Tests.Relationships;

public class HandOffTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc);

    private static Relationship Owned(Guid owner) =>
        Given.RelationshipWith(Given.ContactAt(Given.Acme), owner);

    [Fact]
    public void Handing_off_changes_the_owner_and_records_the_event()
    {
        var (anna, ben, maria) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var relationship = Owned(anna);
        var version = relationship.Version;

        var handOff = relationship.HandOffTo(Guid.NewGuid(), ben, maria, "  Anna moves to the audit team.  ", Now);

        relationship.OwnerId.ShouldBe(ben);
        relationship.Version.ShouldNotBe(version);
        (handOff.FromOwnerId, handOff.ToOwnerId, handOff.ByUserId, handOff.Note).ShouldBe((anna, ben, maria, "Anna moves to the audit team."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_hand_off_needs_a_note(string note)
    {
        var relationship = Owned(Guid.NewGuid());
        var owner = relationship.OwnerId;

        Should.Throw<ArgumentException>(() => relationship.HandOffTo(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), note, Now));
        relationship.OwnerId.ShouldBe(owner);
    }

    [Fact]
    public void A_hand_off_goes_to_someone_else()
    {
        var owner = Guid.NewGuid();
        var relationship = Owned(owner);

        Should.Throw<ArgumentException>(() => relationship.HandOffTo(Guid.NewGuid(), owner, owner, "to myself", Now));
    }
}

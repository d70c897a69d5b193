using TrustAdvisor.Domain.Clients;

namespace TrustAdvisor.Domain.Tests.Clients;

public class OrganisationTests
{
    [Fact]
    public void Two_spellings_of_a_name_share_one_key()
    {
        var organisation = new Organisation(Guid.NewGuid(), "  Acme Ltd ", Given.Now);

        organisation.Name.ShouldBe("Acme Ltd");
        organisation.NormalizedName.ShouldBe(Organisation.Normalize("ACME LTD"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Refuses_an_empty_name(string name) =>
        Should.Throw<ArgumentException>(() => new Organisation(Guid.NewGuid(), name, Given.Now));

    [Fact]
    public void Refuses_an_overlong_name() =>
        Should.Throw<ArgumentException>(() => new Organisation(Guid.NewGuid(), new string('a', Organisation.NameMaxLength + 1), Given.Now));

    [Theory]
    [InlineData("acme.com", "acme.com")]
    [InlineData(" Acme.CO.uk ", "acme.co.uk")]
    [InlineData("", null)]
    public void Keeps_a_web_domain_in_lower_case(string domain, string? stored)
    {
        var organisation = new Organisation(Guid.NewGuid(), "Acme", Given.Now);
        organisation.SetDomain(domain);
        organisation.Domain.ShouldBe(stored);
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("https://acme.com")]
    [InlineData("jo@acme.com")]
    [InlineData("acme..com")]
    [InlineData("acme com.org")]
    public void Refuses_what_is_not_a_domain(string domain) =>
        Should.Throw<ArgumentException>(() => new Organisation(Guid.NewGuid(), "Acme", Given.Now).SetDomain(domain));
}

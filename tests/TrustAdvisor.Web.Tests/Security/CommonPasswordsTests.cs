using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Tests.Security;

/// <summary>The shipped list of common breached passwords (ASVS 2.1.7), as every way of setting a password reads it.</summary>
public class CommonPasswordsTests
{
    [Theory]
    [InlineData("123qweasdzxc")]
    [InlineData("QWERTY123456")]
    [InlineData("passwordpassword")]
    public void Passwords_from_breached_lists_are_known_whatever_their_case(string password) =>
        CommonPasswords.Contains(password).ShouldBeTrue();

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("demo-advisor-2026")]
    [InlineData("short")]
    public void Other_passwords_are_not(string password) => CommonPasswords.Contains(password).ShouldBeFalse();
}

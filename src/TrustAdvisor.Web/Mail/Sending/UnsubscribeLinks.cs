using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Mail.Sending;

/// <summary>An email's unsubscribe address: whose and which kind of email, signed (<see cref="SignedTokens"/>).</summary>
public sealed class UnsubscribeLinks(SignedTokens tokens)
{
    private const string Purpose = "TrustAdvisor.Mail.Unsubscribe.v1";

    public Uri For(Uri site, Guid personId, MailKind kind)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new Uri(site, $"mail/unsubscribe/{tokens.Sign(Purpose, $"{personId:N}.{kind}")}");
    }

    public (Guid PersonId, MailKind Kind)? Read(string? token) =>
        tokens.Read(Purpose, token)?.Split('.') is [var person, var kind]
        && Guid.TryParseExact(person, "N", out var personId) && Enum.TryParse<MailKind>(kind, out var mailKind) && Enum.IsDefined(mailKind)
            ? (personId, mailKind)
            : null;
}

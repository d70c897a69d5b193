using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Mail.ClientPulses;

/// <summary>The "Don't ask me again" address of an emailed pulse: which relationship's contact, signed (<see cref="SignedTokens"/>).</summary>
public sealed class PulseOptOutLinks(SignedTokens tokens)
{
    private const string Purpose = "TrustAdvisor.Pulse.OptOut.v1";

    public string TokenFor(Guid relationshipId) => tokens.Sign(Purpose, relationshipId.ToString("N"));

    public Guid? Read(string? token) =>
        Guid.TryParseExact(tokens.Read(Purpose, token), "N", out var relationshipId) ? relationshipId : null;
}

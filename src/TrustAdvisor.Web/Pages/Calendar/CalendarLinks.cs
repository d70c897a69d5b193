using System.Globalization;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Pages.Calendar;

/// <summary>
/// A person's secret calendar address: their id and the address's version, signed (<see cref="SignedTokens"/>).
/// Renewing counts the version up (MailPreferences.CalendarVersion), so every older address stops working.
/// </summary>
public sealed class CalendarLinks(SignedTokens tokens)
{
    private const string Purpose = "TrustAdvisor.Calendar.v1";

    public Uri For(Uri site, Guid personId, int version)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new Uri(site, $"calendar/{tokens.Sign(Purpose, $"{personId:N}.{version.ToString(CultureInfo.InvariantCulture)}")}.ics");
    }

    public (Guid PersonId, int Version)? Read(string? token) =>
        tokens.Read(Purpose, token)?.Split('.') is [var person, var version]
        && Guid.TryParseExact(person, "N", out var personId)
        && int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (personId, number)
            : null;
}

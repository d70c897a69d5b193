using Microsoft.AspNetCore.DataProtection;

namespace TrustAdvisor.Infrastructure.Calendars;

/// <summary>
/// A calendar's secret address: checked as a person types it (webcal:// as calendar programs give it is read over
/// https), sealed with the app's Data Protection keys to be stored, and unsealed only to be read.
/// </summary>
public sealed class CalendarAddresses(IDataProtectionProvider protection)
{
    public const int MaxLength = 2000;
    private const string Purpose = "TrustAdvisor.Calendar.Address.v1";

    /// <summary>The address to read, or null with why not.</summary>
    public static Uri? Parse(string? typed, out string? problem)
    {
        problem = null;
        var text = typed?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            problem = "Paste your calendar's secret address (it starts with https:// or webcal://).";
            return null;
        }

        if (text.Length > MaxLength)
        {
            problem = $"That address is longer than {MaxLength} characters: is it the whole page rather than the link?";
            return null;
        }

        if (text.StartsWith("webcal://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("webcals://", StringComparison.OrdinalIgnoreCase))
        {
            text = "https://" + text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..];
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(address.Host) || !string.IsNullOrEmpty(address.UserInfo))
        {
            problem = "That is not a web address of a calendar: it starts with https:// or webcal://.";
            return null;
        }

        return address;
    }

    public string Seal(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return protection.CreateProtector(Purpose).Protect(address.AbsoluteUri);
    }

    public Uri Unseal(string sealedAddress) => new(protection.CreateProtector(Purpose).Unprotect(sealedAddress));
}

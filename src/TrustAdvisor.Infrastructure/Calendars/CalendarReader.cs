using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace TrustAdvisor.Infrastructure.Calendars;

/// <summary>Why a calendar could not be read, as the settings page says it in plain words.</summary>
public enum CalendarReadError
{
    Unreachable,
    NotFound,
    Refused,
    TimedOut,
    TooLarge,
    NotACalendar,
    PrivateAddress,
}

/// <summary>A read: the calendar's text when it changed (with its validators for the next read), or not modified, or why it failed.</summary>
public sealed record CalendarRead(string? Text, string? ETag, string? LastModified, CalendarReadError? Error)
{
    public bool NotModified => Text is null && Error is null;
}

/// <summary>
/// Reads a calendar from its secret address: a conditional GET (ETag, Last-Modified) through the HTTP client's
/// resilience pipeline (a timeout per attempt, retries with back-off), connecting only to public addresses
/// (<see cref="PrivateAddressGuard"/>), and reading no more than the size limit. The address is never logged.
/// </summary>
public sealed class CalendarReader(HttpClient http, IOptions<CalendarOptions> options)
{
    /// <summary>Marks a request whose address is a secret: the traces name its host alone.</summary>
    public static readonly HttpRequestOptionsKey<bool> SecretAddress = new("TrustAdvisor.SecretAddress");

    public async Task<CalendarRead> ReadAsync(Uri address, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Accept.ParseAdd("text/calendar");
        request.Options.Set(SecretAddress, true);
        if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (lastModified is not null && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new CalendarRead(null, etag, lastModified, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return Failed(response.StatusCode switch
                {
                    HttpStatusCode.NotFound or HttpStatusCode.Gone => CalendarReadError.NotFound,
                    HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => CalendarReadError.Refused,
                    _ => CalendarReadError.Unreachable,
                });
            }

            var max = options.Value.MaxBytes;
            if (response.Content.Headers.ContentLength > max)
            {
                return Failed(CalendarReadError.TooLarge);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var content = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (content.Length + read > max)
                {
                    return Failed(CalendarReadError.TooLarge);
                }

                content.Write(buffer, 0, read);
            }

            var text = Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length);
            return !text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t').StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase)
                ? Failed(CalendarReadError.NotACalendar)
                : new CalendarRead(text, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"), null);
        }
        catch (HttpRequestException e) when (e.InnerException is PrivateAddressException || e.GetBaseException() is PrivateAddressException)
        {
            return Failed(CalendarReadError.PrivateAddress);
        }
        catch (HttpRequestException)
        {
            return Failed(CalendarReadError.Unreachable);
        }
        catch (Exception e) when (e is TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Failed(CalendarReadError.TimedOut);
        }
    }

    private static CalendarRead Failed(CalendarReadError error) => new(null, null, null, error);
}

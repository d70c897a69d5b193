using Microsoft.Extensions.Options;
using TrustAdvisor.Infrastructure.Mail;

namespace TrustAdvisor.Web.Hosting;

/// <summary>
/// The address people open TrustAdvisor at, which every link the app hands out for use elsewhere starts with (emails,
/// the calendar address): <c>Mail:PublicUrl</c>, else the local address of <c>dotnet run</c>. Never the request's
/// Host header, which a visitor chooses.
/// </summary>
public sealed class PublicAddress(IOptions<MailOptions> options)
{
    public static readonly Uri LocalDefault = new("http://localhost:5080/");

    public Uri Site => options.Value.PublicUrl ?? LocalDefault;

    /// <summary>An address in the app, from a path relative to its root ("Relationships/Score/…").</summary>
    public Uri For(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(Site, path.TrimStart('/'));
    }
}

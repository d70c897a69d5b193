using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace TrustAdvisor.Infrastructure.Mail;

/// <summary>Hands one message to the SMTP server, or writes it as an .eml file when no server is configured.</summary>
public sealed class MailTransport(IOptions<MailOptions> options, Microsoft.Extensions.Hosting.IHostEnvironment environment, TimeProvider time)
{
    private readonly MailOptions _options = options.Value;

    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The folder the .eml files go to (no SMTP host configured).</summary>
    public string PickupDirectory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, _options.PickupDirectory));

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_options.SmtpHost is not { Length: > 0 } host)
        {
            // Written under another name and then renamed, so a half-written file is never there to open.
            Directory.CreateDirectory(PickupDirectory);
            var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}";
            var writing = Path.Combine(PickupDirectory, name + ".writing");
            await message.WriteToAsync(writing, cancellationToken);
            File.Move(writing, Path.Combine(PickupDirectory, name + ".eml"), overwrite: true);
            return;
        }

        // Well inside the outbox's claim (OutboxSender.ClaimFor): a send still hanging when the claim lapses could be
        // taken up by another instance and sent twice.
        using var client = new SmtpClient { Timeout = (int)SendTimeout.TotalMilliseconds };
        await client.ConnectAsync(host, _options.SmtpPort, _options.SocketOptions, cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>Whether a failure will not get better by retrying: the server refused the sender or the address for good.</summary>
    public static bool IsPermanent(Exception failure) =>
        failure is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 } command
        && command.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted;
}

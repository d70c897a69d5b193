using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>The app on PostgreSQL, mailing through a real SMTP server the tests run; the sender's regular run is hourly here.</summary>
public class MailApp : PostgresApp
{
    public const string PublicUrl = "https://trust.example.test/";

    public SmtpTestServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => MailSettings;

    /// <summary>The mail settings, for a second instance of the app on the same database.</summary>
    public virtual IReadOnlyDictionary<string, string> MailSettings => new Dictionary<string, string>
    {
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:FromAddress"] = "trust@firm.test",
        ["Mail:PublicUrl"] = PublicUrl,
        ["Mail:DeliveryIntervalSeconds"] = "3600",
    };

    protected override Task SeedAsync() => Smtp.StartAsync();

    public override async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Runs the outbox's sender once, as the scheduler does.</summary>
    public async Task<int> DeliverDueAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().DeliverDueAsync(CancellationToken.None);
    }

    public Task<List<OutboxMessage>> OutboxToAsync(string address) =>
        QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == address).ToListAsync());

    /// <summary>Waits for the background sender to have dealt with the address's mail (sent, retrying or failed).</summary>
    public async Task<OutboxMessage> AttemptedAsync(string address)
    {
        for (var i = 0; i < 200; i++)
        {
            var attempted = (await OutboxToAsync(address)).SingleOrDefault(m => m.Attempts > 0 && m.Status != OutboxStatus.Sending);
            if (attempted is not null)
            {
                return attempted;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No attempt to send mail to {address}.");
    }
}

using Quartz;
using TrustAdvisor.Infrastructure.Calendars;
using TrustAdvisor.Web.Mail.MeetingPrompts;
using TrustAdvisor.Web.Mail.Sending;

namespace TrustAdvisor.Web.CalendarReading;

/// <summary>
/// Reads the connected calendars that are due (<see cref="CalendarSync"/>), then emails the prompts for the client
/// meetings that have ended (<see cref="MeetingPromptRun"/>) and about calendars failing for a day
/// (<see cref="CalendarFailingMail"/>); one run at a time across the instances.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ReadCalendarsJob(CalendarSync sync, MeetingPromptRun prompts, CalendarFailingMail failing, MailOutbox outbox) : IJob
{
    public static readonly JobKey Key = new("read-calendars");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await sync.ReadDueAsync(cancellationToken);
        if (await prompts.AddDueAsync(cancellationToken) + await failing.AddDueAsync(cancellationToken) > 0)
        {
            await outbox.DeliverSoonAsync(cancellationToken);
        }
    }
}

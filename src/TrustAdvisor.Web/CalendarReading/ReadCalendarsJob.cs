using Quartz;
using TrustAdvisor.Infrastructure.Calendars;

namespace TrustAdvisor.Web.CalendarReading;

/// <summary>Reads the connected calendars that are due (<see cref="CalendarSync"/>), one run at a time across the instances.</summary>
[DisallowConcurrentExecution]
internal sealed class ReadCalendarsJob(CalendarSync sync) : IJob
{
    public static readonly JobKey Key = new("read-calendars");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await sync.ReadDueAsync(cancellationToken);
}

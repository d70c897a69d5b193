namespace TrustAdvisor.Web.Tests.Infrastructure;

/// <summary>A clock the tests control: "today" is known, so "the future" and "overdue" are too.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; } = now;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Runs <paramref name="work"/> with the clock moved on by <paramref name="by"/>, then puts it back.</summary>
    public async Task WhileMovedAsync(TimeSpan by, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var before = Now;
        Now += by;
        try
        {
            await work();
        }
        finally
        {
            Now = before;
        }
    }
}

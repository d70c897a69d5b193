
namespace TrustAdvisor.Domain;

public static class Clock
{
    /// <summary>Today in the server's time zone (set TZ where the advisors' day differs from the server's).</summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;

    /// <summary>A new time-ordered id; ids of forms are chosen when the form is shown.</summary>
    public static Guid NewId(this TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow());
}

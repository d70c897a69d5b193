using TrustAdvisor.Domain.Reminders;

namespace TrustAdvisor.Domain.Tests.Reminders;

/// <summary>A reminder at the person's time in their zone, across summer time (London changes on 29 March and 25 October 2026).</summary>
public class ReminderScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static ReminderSchedule At(int hour, int minute, ReminderFrequency frequency = ReminderFrequency.Daily, DayOfWeek day = DayOfWeek.Monday) =>
        new(London, frequency, day, new TimeOnly(hour, minute));

    [Theory]
    [InlineData(3, 27, 7, 59, null)] // winter: 07:59 in London
    [InlineData(3, 27, 8, 0, "2026-03-27")] // 08:00 GMT
    [InlineData(3, 30, 6, 59, null)] // summer: 07:59 BST
    [InlineData(3, 30, 7, 0, "2026-03-30")] // 08:00 BST, an hour earlier in UTC
    [InlineData(10, 26, 7, 59, null)] // winter again
    [InlineData(10, 26, 8, 0, "2026-10-26")]
    [InlineData(3, 30, 22, 59, "2026-03-30")] // late the same evening: still that day's
    [InlineData(3, 30, 23, 0, null)] // 00:00 BST on the 31st: a new day, not yet 08:00
    public void A_daily_reminder_comes_at_eight_on_the_clock_in_winter_and_in_summer(int month, int day, int hour, int minute, string? due) =>
        At(8, 0).DueOn(Utc(month, day, hour, minute)).ShouldBe(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_time_the_spring_change_skips_comes_when_the_clock_jumps_past_it()
    {
        var schedule = At(1, 30);
        schedule.DueOn(Utc(3, 29, 0, 59)).ShouldBeNull(); // 00:59 GMT
        schedule.DueOn(Utc(3, 29, 1, 0)).ShouldBe(new DateOnly(2026, 3, 29)); // the clock jumps to 02:00 BST
    }

    [Fact]
    public void A_time_the_autumn_change_repeats_belongs_to_one_day()
    {
        var schedule = At(1, 30);
        schedule.DueOn(Utc(10, 25, 0, 30)).ShouldBe(new DateOnly(2026, 10, 25)); // 01:30 BST
        schedule.DueOn(Utc(10, 25, 1, 30)).ShouldBe(new DateOnly(2026, 10, 25)); // 01:30 GMT, the same day: the same reminder
    }

    [Fact]
    public void A_weekly_reminder_comes_on_its_day_only_and_off_means_never()
    {
        var weekly = At(8, 0, ReminderFrequency.Weekly, DayOfWeek.Monday);
        weekly.DueOn(Utc(11, 30, 9, 0)).ShouldBe(new DateOnly(2026, 11, 30)); // a Monday
        weekly.DueOn(Utc(12, 1, 9, 0)).ShouldBeNull(); // Tuesday
        At(8, 0, ReminderFrequency.Off).DueOn(Utc(11, 30, 9, 0)).ShouldBeNull();
    }

    [Fact]
    public void The_day_is_the_persons_own_far_from_the_server()
    {
        var tokyo = new ReminderSchedule(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), ReminderFrequency.Daily, DayOfWeek.Monday, new TimeOnly(8, 0));
        tokyo.DueOn(Utc(12, 4, 23, 0)).ShouldBe(new DateOnly(2026, 12, 5)); // 08:00 on the 5th in Tokyo, still the 4th in UTC
    }
}

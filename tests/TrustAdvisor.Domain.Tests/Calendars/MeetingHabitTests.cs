using TrustAdvisor.Domain.Calendars;

namespace TrustAdvisor.Domain.Tests.Calendars;

public class MeetingHabitTests
{
    private static readonly DateTime Ended = new(2026, 11, 20, 11, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_meeting_scored_within_two_days_of_its_end_counts_as_in_time()
    {
        MeetingHabit.IsInTime(Ended, Ended.AddHours(1)).ShouldBeTrue();
        MeetingHabit.IsInTime(Ended, Ended.AddDays(2)).ShouldBeTrue();
        MeetingHabit.IsInTime(Ended, Ended.AddDays(2).AddMinutes(1)).ShouldBeFalse();
        MeetingHabit.IsInTime(Ended, null).ShouldBeFalse("never scored");
    }

    [Fact]
    public void The_share_is_told_in_words_and_none_is_not_zero()
    {
        new MeetingHabit(7, 5).Describe().ShouldBe("5 of 7 (71%)");
        new MeetingHabit(2, 1).Describe().ShouldBe("1 of 2 (50%)");
        new MeetingHabit(0, 0).Share.ShouldBeNull();
        new MeetingHabit(0, 0).Describe().ShouldBe("no client meetings yet");
    }

    [Fact]
    public void A_meeting_still_within_its_two_days_counts_only_once_scored()
    {
        var now = Ended.AddDays(1);
        var habit = MeetingHabit.Of(
        [
            (Ended, null),
            (Ended.AddDays(-3), null),
            (Ended.AddDays(-3), Ended.AddDays(-2)),
            (Ended, Ended.AddHours(2)),
            (Ended.AddDays(-10), Ended.AddDays(-5)),
        ], now);

        habit.ShouldBe(new MeetingHabit(4, 2), "the unscored meeting of yesterday is still open; the one scored five days late is a miss");
    }
}

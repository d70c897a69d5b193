using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Trends;

public class AttentionRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void A_fall_of_T_by_a_fifth_or_more_is_a_sharp_drop_named_with_its_cause()
    {
        // 7.0 → 5.0 is a fall of 28.6%, all of it from self-orientation rising 3 → 4 (with C+R+I 21 → 20).
        var signals = Signals([Point(-30, 7, 8, 6, 3), Point(-2, 7, 8, 5, 4)]);

        var alert = AttentionRules.SharpDrop(signals).ShouldNotBeNull();

        alert.Kind.ShouldBe(AlertKind.SharpDrop);
        alert.Message.ShouldBe("Down 29% since the previous assessment. T fell from 7.0 to 5.0, mostly because self-orientation rose from 3 to 4.");
    }

    [Fact]
    public void A_fall_just_under_a_fifth_is_not_a_sharp_drop()
    {
        // 20/4 = 5.0 → 16/4 = 4.0 is exactly 20%: an alert. 20/4 → 17/4 = 4.25 is 15%: none.
        AttentionRules.SharpDrop(Signals([Point(-9, 7, 7, 6, 4), Point(-1, 6, 6, 4, 4)])).ShouldNotBeNull();
        AttentionRules.SharpDrop(Signals([Point(-9, 7, 7, 6, 4), Point(-1, 6, 6, 5, 4)])).ShouldBeNull();
    }

    [Fact]
    public void Self_orientation_rising_at_two_consecutive_assessments_is_an_alert()
    {
        var rising = Signals([Point(-60, 7, 7, 7, 2), Point(-30, 7, 7, 7, 3), Point(-1, 7, 7, 7, 5)]);
        var upThenFlat = Signals([Point(-60, 7, 7, 7, 2), Point(-30, 7, 7, 7, 3), Point(-1, 7, 7, 7, 3)]);

        AttentionRules.SelfOrientationRising(rising)!.Message
            .ShouldBe("Self-orientation rose in each of the last two assessments (2 → 3 → 5).");
        AttentionRules.SelfOrientationRising(upThenFlat).ShouldBeNull();
    }

    [Fact]
    public void A_factor_above_the_line_falling_twice_in_a_row_is_an_alert()
    {
        var signals = Signals([Point(-60, 7, 8, 7, 3), Point(-30, 7, 7, 7, 3), Point(-1, 7, 5, 7, 3)]);

        AttentionRules.FactorsKeepFalling(signals).Single().Message
            .ShouldBe("Reliability fell in each of the last two assessments (8 → 7 → 5).");
    }

    [Fact]
    public void Intimacy_not_improving_in_90_days_while_another_factor_did_is_an_alert()
    {
        var then = Point(-100, 5, 5, 4, 4);
        var signals = Signals([then, Point(-40, 6, 6, 4, 4), Point(-5, 7, 6, 4, 3)], ninetyDaysAgo: then);

        AttentionRules.IntimacyStalled(signals)!.Message.ShouldBe(
            "Intimacy has not improved in 90 days (4 → 4) while credibility and reliability and self-orientation (lower) did.");
    }

    [Fact]
    public void Intimacy_flat_while_everything_is_flat_or_history_shorter_than_90_days_is_no_alert()
    {
        var then = Point(-100, 5, 5, 4, 4);
        AttentionRules.IntimacyStalled(Signals([then, Point(-5, 5, 5, 4, 4)], ninetyDaysAgo: then)).ShouldBeNull();
        AttentionRules.IntimacyStalled(Signals([Point(-80, 5, 5, 4, 4), Point(-5, 8, 8, 4, 2)])).ShouldBeNull();
        AttentionRules.IntimacyStalled(Signals([then, Point(-5, 8, 8, 5, 2)], ninetyDaysAgo: then)).ShouldBeNull();
    }

    [Fact]
    public void A_review_date_passed_without_a_meeting_scored_since_is_overdue()
    {
        var scoredBefore = Signals([Point(-40, 7, 7, 7, 3)], nextReview: Today.AddDays(-10));
        var scoredAfter = Signals([Point(-3, 7, 7, 7, 3)], nextReview: Today.AddDays(-10));
        var neverScored = Signals([], nextReview: Today.AddDays(-1));
        var dueToday = Signals([], nextReview: Today);

        AttentionRules.OverdueReview(scoredBefore)!.Message.ShouldBe("Review overdue by 10 days: no meeting has been scored since it was due.");
        AttentionRules.OverdueReview(scoredAfter).ShouldBeNull();
        AttentionRules.OverdueReview(neverScored)!.Message.ShouldBe("Review overdue by 1 day: it has never been scored.");
        AttentionRules.OverdueReview(dueToday).ShouldBeNull();
    }

    [Fact]
    public void A_relationship_in_maintain_below_the_team_median_is_flagged_and_other_stages_are_not()
    {
        var low = new List<ScorePoint> { Point(-3, 6, 6, 6, 6) };

        AttentionRules.MaintainBelowTeamMedian(Signals(low, stage: RelationshipStage.Maintain, teamMedian: 4.25))!.Message
            .ShouldBe("In the Maintain stage with T 3.0, below the team's median of 4.3.");
        AttentionRules.MaintainBelowTeamMedian(Signals(low, stage: RelationshipStage.Establish, teamMedian: 4.25)).ShouldBeNull();
        AttentionRules.MaintainBelowTeamMedian(Signals(low, stage: RelationshipStage.Maintain, teamMedian: 3.0)).ShouldBeNull();
        AttentionRules.MaintainBelowTeamMedian(Signals(low, stage: RelationshipStage.Maintain, teamMedian: null)).ShouldBeNull();
    }

    [Fact]
    public void A_steady_relationship_raises_no_alert() =>
        AttentionRules.Evaluate(Signals([Point(-60, 7, 7, 7, 3), Point(-30, 7, 8, 7, 3), Point(-1, 8, 8, 7, 3)])).ShouldBeEmpty();

    [Fact]
    public void Relationships_are_ordered_overdue_then_drop_then_worsening_then_lowest_T()
    {
        var rows = new[]
        {
            ("steady high", Signals([Point(-5, 9, 9, 9, 2)])),
            ("steady low", Signals([Point(-5, 4, 4, 4, 6)])),
            ("never scored", Signals([])),
            ("worsening", Signals([Point(-60, 7, 7, 7, 2), Point(-30, 7, 7, 7, 3), Point(-1, 8, 8, 8, 4)])),
            ("sharp drop", Signals([Point(-30, 8, 8, 8, 2), Point(-1, 8, 8, 8, 4)])),
            ("overdue", Signals([Point(-40, 9, 9, 9, 1)], nextReview: Today.AddDays(-3))),
        };

        var ordered = rows.ByNeedForAttention(r => AttentionRules.Evaluate(r.Item2), r => r.Item2.Latest?.Trust).Select(r => r.Item1);

        ordered.ShouldBe(["overdue", "sharp drop", "worsening", "never scored", "steady low", "steady high"]);
    }

    [Fact]
    public void A_client_T_well_below_the_advisors_at_the_latest_pulse_is_a_blind_spot()
    {
        var gap = new PerceptionGap(Today.AddDays(-12), new TrustFactors(8, 8, 8, 3), new TrustFactors(6, 5, 6, 4));

        var alert = AttentionRules.BlindSpot(Signals([Point(-20, 8, 8, 8, 3)], gap: gap)).ShouldNotBeNull();

        alert.Kind.ShouldBe(AlertKind.BlindSpot);
        alert.Message.ShouldBe("Blind spot: the client's own answers on 10 Nov 2026 give T 4.3, well below your 8.0.");
        var close = new PerceptionGap(Today.AddDays(-12), new TrustFactors(8, 8, 8, 3), new TrustFactors(7, 7, 7, 3));
        AttentionRules.BlindSpot(Signals([Point(-20, 8, 8, 8, 3)], gap: close)).ShouldBeNull();
        AttentionRules.BlindSpot(Signals([Point(-20, 8, 8, 8, 3)])).ShouldBeNull();
    }

    [Fact]
    public void A_client_who_sees_more_trust_than_the_advisor_is_no_blind_spot()
    {
        var gap = new PerceptionGap(Today.AddDays(-12), new TrustFactors(5, 5, 5, 5), new TrustFactors(8, 8, 8, 2));

        AttentionRules.BlindSpot(Signals([Point(-20, 5, 5, 5, 5)], gap: gap)).ShouldBeNull();
    }

    [Fact]
    public void From_Vet_on_a_client_who_answered_is_asked_again_six_months_later()
    {
        var recent = new List<ScorePoint> { Point(-5, 7, 7, 7, 3) };
        var lastView = Today.AddMonths(-6);

        var alert = AttentionRules.NoClientViewLately(Signals(recent, stage: RelationshipStage.Maintain, lastClientView: lastView)).ShouldNotBeNull();

        alert.Kind.ShouldBe(AlertKind.NoClientViewLately);
        alert.Message.ShouldBe("No client view in 6 months: the last answer was on 22 May 2026. Ask the client.");
        AttentionRules.NoClientViewLately(Signals(recent, stage: RelationshipStage.Maintain, lastClientView: lastView.AddDays(1))).ShouldBeNull();
        AttentionRules.NoClientViewLately(Signals(recent, stage: RelationshipStage.Vet, lastClientView: lastView)).ShouldNotBeNull();
        AttentionRules.NoClientViewLately(Signals(recent, stage: RelationshipStage.Meet, lastClientView: lastView)).ShouldBeNull();
    }

    [Fact]
    public void A_client_never_asked_is_due_a_month_after_the_first_meeting_from_Vet_on()
    {
        var never = new RelationshipSignals(
            [Point(-5, 7, 7, 7, 3)], null, RelationshipStage.Vet, Today.AddDays(30), null, Today, LastClientView: null, FirstMeeting: Today.AddDays(-30));

        AttentionRules.NoClientViewLately(never)!.Message
            .ShouldBe("No client view yet, 30 days after the first meeting: your own scores are likeliest to be off early on. Ask the client.");
        AttentionRules.NoClientViewLately(never with { FirstMeeting = Today.AddDays(-29) }).ShouldBeNull("not a month yet");
        AttentionRules.NoClientViewLately(never with { FirstMeeting = null }).ShouldBeNull("nothing scored: nothing to calibrate");
        AttentionRules.NoClientViewLately(never with { Stage = RelationshipStage.Meet }).ShouldBeNull("a first meeting is not yet a relationship");
        AttentionRules.NoClientViewLately(never with { FirstClientViewDays = 45 }).ShouldBeNull("the window is configurable");
    }

    [Fact]
    public void The_months_between_answers_are_configurable()
    {
        var answered = new RelationshipSignals(
            [Point(-5, 7, 7, 7, 3)], null, RelationshipStage.Establish, Today.AddDays(30), null, Today, LastClientView: Today.AddMonths(-4), ClientViewDueMonths: 3);

        AttentionRules.NoClientViewLately(answered).ShouldNotBeNull();
        AttentionRules.NoClientViewLately(answered with { ClientViewDueMonths = 5 }).ShouldBeNull();
    }

    private static ScorePoint Point(int daysFromToday, int c, int r, int i, int s) =>
        new(Today.AddDays(daysFromToday), new TrustFactors(c, r, i, s));

    [Fact]
    public void An_open_commitment_past_its_due_day_is_a_reason_for_attention_second_only_to_an_overdue_review()
    {
        var one = Signals([Point(-10, 7, 7, 7, 3)]) with { OverdueCommitments = new OverdueCommitments(1, Today.AddDays(-2)) };
        var three = one with { OverdueCommitments = new OverdueCommitments(3, Today.AddDays(-9)) };

        AttentionRules.OverdueCommitment(one)!.Message.ShouldBe("A commitment to the client is overdue: it was due on 20 Nov 2026. Keep it, or tell the client before they notice.");
        AttentionRules.OverdueCommitment(three)!.Message.ShouldBe("3 commitments to the client are overdue, the oldest since 13 Nov 2026. Keep them, or tell the client before they notice.");
        AttentionRules.OverdueCommitment(Signals([Point(-10, 7, 7, 7, 3)])).ShouldBeNull();
        var withReview = three with { NextReviewDate = Today.AddDays(-1) };
        AttentionRules.Evaluate(withReview).Select(a => a.Kind).ShouldBe([AlertKind.OverdueReview, AlertKind.OverdueCommitment]);
    }

    private static RelationshipSignals Signals(
        List<ScorePoint> recent,
        ScorePoint? ninetyDaysAgo = null,
        RelationshipStage stage = RelationshipStage.Establish,
        DateOnly? nextReview = null,
        double? teamMedian = null,
        DateOnly? lastClientView = null,
        PerceptionGap? gap = null) =>
        new(recent, ninetyDaysAgo, stage, nextReview ?? Today.AddDays(30), teamMedian, Today,
            LastClientView: lastClientView ?? Today.AddDays(-30), LatestGap: gap);
}

using System.Globalization;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Trends;

/// <summary>
/// The rules that say, in plain words, why a relationship needs attention before the next meeting.
/// Trust moves in steps, so the rules look at steps between consecutive assessments, not at calendar averages.
/// </summary>
public static class AttentionRules
{
    public const int StalledIntimacyDays = 90;

    public const int DefaultClientViewDueMonths = 6;

    /// <summary>Days after the first meeting by which a relationship past Meet wants the client's first view.</summary>
    public const int DefaultFirstClientViewDays = 30;

    private static readonly Factor[] AboveTheLine = [Factor.Credibility, Factor.Reliability, Factor.Intimacy];

    public static IReadOnlyList<AttentionAlert> Evaluate(RelationshipSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var alerts = new List<AttentionAlert>();
        AddIfAny(alerts, OverdueReview(signals));
        AddIfAny(alerts, OverdueCommitment(signals));
        AddIfAny(alerts, SharpDrop(signals));
        AddIfAny(alerts, BlindSpot(signals));
        AddIfAny(alerts, SelfOrientationRising(signals));
        alerts.AddRange(FactorsKeepFalling(signals));
        AddIfAny(alerts, IntimacyStalled(signals));
        AddIfAny(alerts, MaintainBelowTeamMedian(signals));
        AddIfAny(alerts, NoClientViewLately(signals));
        return alerts;
    }

    /// <summary>The next review date has passed and no meeting was scored on or after it.</summary>
    public static AttentionAlert? OverdueReview(RelationshipSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (!Staleness.IsReviewOverdue(signals.NextReviewDate, signals.Latest?.Date, signals.Today))
        {
            return null;
        }

        var days = signals.Today.DayNumber - signals.NextReviewDate.DayNumber;
        var since = signals.Latest is null ? "it has never been scored" : "no meeting has been scored since it was due";
        return new(AlertKind.OverdueReview, Invariant($"Review overdue by {Days(days)}: {since}."));
    }

    /// <summary>A promise made to the client is still open after its due day: reliability is at stake before the next meeting.</summary>
    public static AttentionAlert? OverdueCommitment(RelationshipSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.OverdueCommitments is not { Count: > 0 } overdue)
        {
            return null;
        }

        var what = overdue.Count == 1
            ? Invariant($"A commitment to the client is overdue: it was due on {overdue.EarliestDueOn:d MMM yyyy}.")
            : Invariant($"{overdue.Count} commitments to the client are overdue, the oldest since {overdue.EarliestDueOn:d MMM yyyy}.");
        return new(AlertKind.OverdueCommitment, what + (overdue.Count == 1 ? " Keep it" : " Keep them") + ", or tell the client before they notice.");
    }

    /// <summary>From the previous assessment to the latest, T fell by a step (<see cref="TrustChange.IsSharpDrop"/>).</summary>
    public static AttentionAlert? SharpDrop(RelationshipSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.Previous is not { } previous || signals.Latest is not { } latest
            || TrustChange.Between(previous.Factors, latest.Factors) is not { IsSharpDrop: true } change)
        {
            return null;
        }

        return new(AlertKind.SharpDrop, Invariant($"Down {-change.PercentChange}% since the previous assessment. {change.Describe()}"));
    }

    /// <summary>At the client's latest answer, their T was well below the advisor's (<see cref="PerceptionGap.IsBlindSpot"/>).</summary>
    public static AttentionAlert? BlindSpot(RelationshipSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.LatestGap is not { IsBlindSpot: true } gap)
        {
            return null;
        }

        return new(
            AlertKind.BlindSpot,
            Invariant($"Blind spot: the client's own answers on {gap.On:d MMM yyyy} give T {TrustEquation.Format(gap.ClientTrust)}, well below your {TrustEquation.Format(gap.AdvisorTrust)}."));
    }

    /// <summary>
    /// From Vet on, the client's own view: never given, it is due <see cref="RelationshipSignals.FirstClientViewDays"/>
    /// after the first scored meeting (self-assessment errs most early in a relationship, where calibration pays most);
    /// given, it is due again <see cref="RelationshipSignals.ClientViewDueMonths"/> months after the last answer.
    /// </summary>
    public static AttentionAlert? NoClientViewLately(RelationshipSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.Stage == RelationshipStage.Meet)
        {
            return null;
        }

        if (signals.LastClientView is { } last)
        {
            return last > signals.Today.AddMonths(-signals.ClientViewDueMonths)
                ? null
                : new(AlertKind.NoClientViewLately, Invariant(
                    $"No client view in {signals.ClientViewDueMonths} months: the last answer was on {last:d MMM yyyy}. Ask the client."));
        }

        return signals.FirstMeeting is { } first && first <= signals.Today.AddDays(-signals.FirstClientViewDays)
            ? new(AlertKind.NoClientViewLately, Invariant(
                $"No client view yet, {signals.Today.DayNumber - first.DayNumber} days after the first meeting: your own scores are likeliest to be off early on. Ask the client."))
            : null;
    }

    /// <summary>Self-orientation rose at each of the last two assessments.</summary>
    public static AttentionAlert? SelfOrientationRising(RelationshipSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return WorsenedTwice(signals, Factor.SelfOrientation) is { } scores
            ? new(AlertKind.SelfOrientationRising, $"Self-orientation rose in each of the last two assessments ({scores}).")
            : null;
    }

    /// <summary>Credibility, reliability or intimacy fell at each of the last two assessments.</summary>
    public static IEnumerable<AttentionAlert> FactorsKeepFalling(RelationshipSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        foreach (var factor in AboveTheLine)
        {
            if (WorsenedTwice(signals, factor) is { } scores)
            {
                yield return new(AlertKind.FactorKeepsFalling, $"{FactorNames.Of(factor)} fell in each of the last two assessments ({scores}).");
            }
        }
    }

    /// <summary>Intimacy is no higher than 90 days ago while at least one other factor improved.</summary>
    public static AttentionAlert? IntimacyStalled(RelationshipSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.NinetyDaysAgo is not { } then || signals.Latest is not { } now || now.Date <= then.Date)
        {
            return null;
        }

        var improved = new List<string>();
        if (now.Factors.Credibility > then.Factors.Credibility)
        {
            improved.Add(FactorNames.InSentence(Factor.Credibility));
        }

        if (now.Factors.Reliability > then.Factors.Reliability)
        {
            improved.Add(FactorNames.InSentence(Factor.Reliability));
        }

        if (now.Factors.SelfOrientation < then.Factors.SelfOrientation)
        {
            improved.Add(FactorNames.InSentence(Factor.SelfOrientation) + " (lower)");
        }

        if (now.Factors.Intimacy > then.Factors.Intimacy || improved.Count == 0)
        {
            return null;
        }

        return new(
            AlertKind.IntimacyStalled,
            Invariant($"Intimacy has not improved in {StalledIntimacyDays} days ({then.Factors.Intimacy} → {now.Factors.Intimacy}) while {string.Join(" and ", improved)} did."));
    }

    /// <summary>A relationship in the Maintain stage whose latest T is below the team's median.</summary>
    public static AttentionAlert? MaintainBelowTeamMedian(RelationshipSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.Stage != RelationshipStage.Maintain || signals.Latest is not { } latest || signals.TeamMedianTrust is not { } median
            || (double)latest.Trust >= median)
        {
            return null;
        }

        return new(
            AlertKind.MaintainBelowTeamMedian,
            $"In the Maintain stage with T {TrustEquation.Format(latest.Trust)}, below the team's median of {TrustEquation.Format((decimal)median)}.");
    }

    private static string? WorsenedTwice(RelationshipSignals signals, Factor factor)
    {
        if (signals.Recent.Count < 3)
        {
            return null;
        }

        var a = signals.Recent[^3].Factors[factor];
        var b = signals.Recent[^2].Factors[factor];
        var c = signals.Recent[^1].Factors[factor];
        var worsened = factor == Factor.SelfOrientation ? a < b && b < c : a > b && b > c;
        return worsened ? Invariant($"{a} → {b} → {c}") : null;
    }

    private static void AddIfAny(List<AttentionAlert> alerts, AttentionAlert? alert)
    {
        if (alert is not null)
        {
            alerts.Add(alert);
        }
    }

    private static string Days(int days) => days == 1 ? "1 day" : Invariant($"{days} days");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

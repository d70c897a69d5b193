using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Pages.Recovery;

/// <summary>
/// Whether trust came back: T and the targeted factor at the plan's start (the last score on or before the day it
/// was opened) and now, and the same from the client's own answers.
/// </summary>
public sealed record PlanProgress(PlanProgress.Reading? AdvisorBefore, PlanProgress.Reading? AdvisorNow, PlanProgress.Reading? ClientBefore, PlanProgress.Reading? ClientNow)
{
    public sealed record Reading(DateOnly On, double Trust, int Factor);

    public static async Task<PlanProgress> LoadAsync(TrustAdvisorDbContext db, Guid relationshipId, Factor factor, DateOnly openedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var scores = db.CurrentAssessmentsNewestFirst.Where(a => a.RelationshipId == relationshipId);
        var before = await scores.Where(a => a.MeetingDate <= openedOn).Select(a => new { a.MeetingDate, a.Trust, a.Factors }).FirstOrDefaultAsync(cancellationToken);
        var now = await scores.Where(a => a.MeetingDate > openedOn).Select(a => new { a.MeetingDate, a.Trust, a.Factors }).FirstOrDefaultAsync(cancellationToken);
        var answers = db.Pulses.Where(p => p.RelationshipId == relationshipId && p.Status == PulseStatus.Answered)
            .OrderByDescending(p => p.AnsweredOn).ThenByDescending(p => p.ClosedAt)
            .Select(p => new { On = p.AnsweredOn!.Value, Trust = p.Trust!.Value, C = p.Credibility!.Value, R = p.Reliability!.Value, I = p.Intimacy!.Value, S = p.SelfOrientation!.Value });
        var clientBefore = await answers.Where(p => p.On <= openedOn).FirstOrDefaultAsync(cancellationToken);
        var clientNow = await answers.Where(p => p.On > openedOn).FirstOrDefaultAsync(cancellationToken);
        return new PlanProgress(
            before is null ? null : new Reading(before.MeetingDate, before.Trust, before.Factors[factor]),
            now is null ? null : new Reading(now.MeetingDate, now.Trust, now.Factors[factor]),
            clientBefore is null ? null : new Reading(clientBefore.On, clientBefore.Trust, new TrustFactors(clientBefore.C, clientBefore.R, clientBefore.I, clientBefore.S)[factor]),
            clientNow is null ? null : new Reading(clientNow.On, clientNow.Trust, new TrustFactors(clientNow.C, clientNow.R, clientNow.I, clientNow.S)[factor]));
    }
}

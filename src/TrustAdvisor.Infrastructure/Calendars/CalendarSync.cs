using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Calendars;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.Calendars;

/// <summary>
/// Reads the connected calendars that are due (each claimed by one instance at a time, as the outbox claims mail),
/// keeps the client meetings among their occurrences (<see cref="AttendeeMatch"/> against the contacts and
/// organisations of the person's own relationships) and records how the read went. A meeting already kept is updated
/// when it was moved or edited, never found twice (one per person, event UID and occurrence).
/// </summary>
public sealed partial class CalendarSync(
    TrustAdvisorDbContext db, CalendarReader reader, CalendarAddresses addresses, TimeProvider time, IOptions<CalendarOptions> options, ILogger<CalendarSync> logger)
{
    /// <summary>Meetings are kept from two days back (to be scored) to two weeks ahead (so that a day without changes, answered "not modified", still knows them).</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(2);

    public static readonly TimeSpan LookAhead = TimeSpan.FromDays(14);

    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan MaxRest = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reads every calendar due; returns how many it read. Paced: after each calendar it rests
    /// <see cref="CalendarOptions.RestAfterEachRead"/> times as long as the read took (at most five seconds) before it
    /// claims the next, so that reading leaves the pages most of a core (a cycle has the whole interval to finish in).
    /// </summary>
    public async Task<int> ReadDueAsync(CancellationToken cancellationToken)
    {
        var read = 0;
        var rest = TimeSpan.Zero;
        while (true)
        {
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, cancellationToken);
            }

            if (await ClaimNextAsync(cancellationToken) is not { } userId)
            {
                return read;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                await ReadAsync(userId, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                // One calendar's unexpected failure (an address sealed with keys since lost, a database hiccup) must not
                // stop the others being read, nor be retried every minute: it waits for its next turn, reported.
                LogFailed(logger, userId, e.GetType().Name);
                db.ChangeTracker.Clear();
                var now = time.UtcNow();
                await db.CalendarConnections.Where(c => c.UserId == userId).ExecuteUpdateAsync(
                    set => set.SetProperty(c => c.ClaimedUntil, (DateTime?)null).SetProperty(c => c.LastReadAt, now)
                        .SetProperty(c => c.NextReadAt, now.AddMinutes(options.Value.ReadEveryMinutes))
                        .SetProperty(c => c.LastError, CalendarReadError.Unreachable).SetProperty(c => c.FailingSince, c => c.FailingSince ?? now),
                    cancellationToken);
            }

            db.ChangeTracker.Clear();
            // A slow server's wait is no work: the rest is capped, so a calendar timing out does not hold the others up.
            rest = TimeSpan.FromTicks(Math.Min((long)(Stopwatch.GetElapsedTime(started).Ticks * options.Value.RestAfterEachRead), MaxRest.Ticks));
            read++;
        }
    }

    private async Task<Guid?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var due = await db.CalendarConnections.Where(c => c.NextReadAt <= now && (c.ClaimedUntil == null || c.ClaimedUntil < now))
            .OrderBy(c => c.NextReadAt).Select(c => c.UserId).Take(10).ToListAsync(cancellationToken);
        foreach (var userId in due)
        {
            var claimed = await db.CalendarConnections
                .Where(c => c.UserId == userId && c.NextReadAt <= now && (c.ClaimedUntil == null || c.ClaimedUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ClaimedUntil, now + ClaimFor), cancellationToken);
            if (claimed == 1)
            {
                return userId;
            }
        }

        return null;
    }

    private async Task ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var connection = await db.CalendarConnections.SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (connection is null)
        {
            return; // disconnected meanwhile
        }

        var now = time.UtcNow();
        var whole = connection.LastContentAt is not { } content || content < now.AddDays(-1);
        var read = await reader.ReadAsync(
            addresses.Unseal(connection.SealedAddress), whole ? null : connection.ETag, whole ? null : connection.LastModified, cancellationToken);
        connection.LastReadAt = now;
        connection.NextReadAt = now.AddMinutes(options.Value.ReadEveryMinutes);
        connection.ClaimedUntil = null;
        var error = read.Error;
        if (error is null && !read.NotModified)
        {
            try
            {
                var occurrences = CalendarParser.Occurrences(read.Text!, now - LookBack, now + LookAhead);
                connection.MeetingsFound = await KeepClientMeetingsAsync(userId, occurrences, now, cancellationToken);
                (connection.ETag, connection.LastModified, connection.LastContentAt) = (read.ETag, read.LastModified, now);
            }
            catch (CalendarFormatException e)
            {
                // Its kind only: the parser's message may quote the calendar, whose titles are not the app's to keep.
                var reason = e.InnerException?.GetType().Name ?? "no calendar";
                LogUnreadable(logger, userId, reason);
                error = CalendarReadError.NotACalendar;
            }
        }

        connection.LastError = error;
        connection.FailingSince = error is null ? null : connection.FailingSince ?? now;
        connection.LastSuccessAt = error is null ? now : connection.LastSuccessAt;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The client meetings among the occurrences, added or brought up to date; returns how many there are.</summary>
    private async Task<int> KeepClientMeetingsAsync(Guid userId, IReadOnlyList<CalendarOccurrence> occurrences, DateTime now, CancellationToken cancellationToken)
    {
        // The person's own relationships: the ones they score after a meeting.
        var mine = db.Relationships.IgnoreQueryFilters().Where(r => r.OwnerId == userId && r.ArchivedAt == null);
        var contacts = await mine.Where(r => r.Contact.Email != null)
            .Select(r => new { r.Contact.Email, r.ContactId, r.Contact.OrganisationId }).ToListAsync(cancellationToken);
        var domains = await mine.Where(r => r.Contact.Organisation.Domain != null)
            .Select(r => new { r.Contact.Organisation.Domain, r.Contact.OrganisationId }).Distinct().ToListAsync(cancellationToken);
        var match = new AttendeeMatch(
            contacts.GroupBy(c => c.Email!.ToLowerInvariant()).ToDictionary(g => g.Key, g => (g.First().ContactId, g.First().OrganisationId), StringComparer.Ordinal),
            domains.GroupBy(d => d.Domain!).ToDictionary(g => g.Key, g => g.First().OrganisationId, StringComparer.Ordinal));
        var found = occurrences.Select(o => (Occurrence: o, Uid: StoredUid(o.Uid), Match: match.Find(o.Attendees)))
            .Where(x => x.Match is not null).ToList();
        var uids = found.Select(x => x.Uid).Distinct().ToList();
        var kept = await db.CalendarMeetings.Where(m => m.UserId == userId && uids.Contains(m.EventUid)).ToListAsync(cancellationToken);
        foreach (var (occurrence, uid, meetingMatch) in found)
        {
            var meeting = kept.Find(m => m.EventUid == uid && m.OccurrenceKey == occurrence.OccurrenceKey);
            if (meeting is null)
            {
                meeting = new CalendarMeeting { Id = time.NewId(), UserId = userId, EventUid = uid, OccurrenceKey = occurrence.OccurrenceKey, FoundAt = now };
                db.CalendarMeetings.Add(meeting);
                kept.Add(meeting);
            }
            else if (meeting.ChangeHash == occurrence.ChangeHash)
            {
                continue;
            }

            // Moved or edited: the same meeting, at its new time; asked about once all the same.
            (meeting.StartsAt, meeting.EndsAt, meeting.Kind, meeting.ChangeHash) = (occurrence.StartsAt, occurrence.EndsAt, occurrence.Kind, occurrence.ChangeHash);
            (meeting.ContactId, meeting.OrganisationId) = (meetingMatch!.ContactId, meetingMatch.OrganisationId);
        }

        await RemoveGoneAsync(userId, found.Select(x => (x.Uid, x.Occurrence.OccurrenceKey)).ToHashSet(), now, cancellationToken);
        return found.Count;
    }

    /// <summary>
    /// Meetings of the calendar's window that it no longer has (cancelled, deleted, or no longer with a client) leave
    /// the list; one already scored stays, for its history.
    /// </summary>
    private async Task RemoveGoneAsync(Guid userId, HashSet<(string Uid, string OccurrenceKey)> found, DateTime now, CancellationToken cancellationToken)
    {
        var (from, to) = (now - LookBack, now + LookAhead);
        var window = await db.CalendarMeetings
            .Where(m => m.UserId == userId && m.AssessmentId == null && m.StartsAt >= from && m.StartsAt < to)
            .Select(m => new { m.Id, m.EventUid, m.OccurrenceKey }).ToListAsync(cancellationToken);
        var gone = window.Where(m => !found.Contains((m.EventUid, m.OccurrenceKey))).Select(m => m.Id).ToList();
        if (gone.Count > 0)
        {
            // Derived from the calendar: the next read finds any of them again. Scored meanwhile: kept.
            await db.CalendarMeetings.Where(m => gone.Contains(m.Id) && m.AssessmentId == null).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>A UID as stored: as it is, or (a very long one) its SHA-256, which identifies it as well.</summary>
    private static string StoredUid(string uid) =>
        uid.Length <= CalendarMeeting.UidMaxLength ? uid : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(uid)));

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the calendar of {UserId} failed unexpectedly ({Reason}); it is tried again at its next turn")]
    private static partial void LogFailed(ILogger logger, Guid userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The calendar of {UserId} could not be read as a calendar ({Reason})")]
    private static partial void LogUnreadable(ILogger logger, Guid userId, string reason);
}

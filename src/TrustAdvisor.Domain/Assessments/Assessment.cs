using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Assessments;

/// <summary>
/// One revision of what an advisor judged after a meeting. A revision is never overwritten:
/// a correction supersedes it with a new revision (same <see cref="LineageId"/>, next <see cref="Revision"/>)
/// that carries the reason, and the earlier values stay in the table.
/// </summary>
public sealed class Assessment
{
    public const int NoteMaxLength = 2000;
    public const int CorrectionReasonMaxLength = 500;
    public static readonly DateOnly EarliestMeetingDate = new(1990, 1, 1);

    private Assessment()
    {
    }

    public Guid Id { get; private set; }
    public Guid RelationshipId { get; private set; }

    /// <summary>Who scored this revision. Null only for assessments recorded before accounts existed.</summary>
    public Guid? AuthorId { get; private set; }

    /// <summary>The id of the first revision; all revisions of one scored meeting share it.</summary>
    public Guid LineageId { get; private set; }

    public int Revision { get; private set; }
    public DateOnly MeetingDate { get; private set; }
    public MeetingKind MeetingKind { get; private set; }

    /// <summary>The four factors as scored (kept in four columns of their own).</summary>
    public TrustFactors Factors { get; private set; }

    /// <summary>T as stored for querying (two decimals); derived from the factors by <see cref="TrustEquation"/>.</summary>
    public double Trust { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The note's text is for its author only; others see the scores and that a private note exists.</summary>
    public bool NoteIsPrivate { get; private set; }

    /// <summary>
    /// The one change to a recorded note: an erased contact's name taken out of it, in every revision. Returns whether
    /// the note named them.
    /// </summary>
    public bool RedactName(string name, string placeholder)
    {
        if (Note is null || string.IsNullOrWhiteSpace(name) || !Note.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Note = Note.Replace(name, placeholder, StringComparison.OrdinalIgnoreCase);
        return true;
    }

    /// <summary>Who wrote the note. A correction that leaves the note as it was keeps its writer, and so its reader.</summary>
    public Guid? NoteAuthorId { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public string? CorrectionReason { get; private set; }

    /// <summary>Set once, when a correction replaces this revision. Null marks the current revision.</summary>
    public DateTime? SupersededAt { get; private set; }

    public bool IsCurrent => SupersededAt is null;

    /// <summary>
    /// Records a newly scored meeting. The id is chosen when the form is shown,
    /// so a resubmitted form cannot store the same assessment twice.
    /// </summary>
    public static Assessment Record(Guid id, Guid relationshipId, Guid authorId, ScoredMeeting meeting, DateTime recordedAtUtc, DateOnly today)
    {
        var assessment = new Assessment
        {
            Id = id,
            RelationshipId = relationshipId,
            AuthorId = authorId,
            LineageId = id,
            Revision = 1,
            RecordedAt = recordedAtUtc,
        };
        assessment.Apply(meeting, today);
        assessment.NoteAuthorId = assessment.Note is null ? null : authorId;
        return assessment;
    }

    /// <summary>Supersedes this revision with a corrected one. Only the current revision can be corrected.</summary>
    public Assessment Correct(Guid newId, Guid authorId, ScoredMeeting corrected, string reason, DateTime recordedAtUtc, DateOnly today)
    {
        if (!IsCurrent)
        {
            throw new InvalidOperationException("This revision has already been corrected.");
        }

        var trimmedReason = reason?.Trim();
        if (string.IsNullOrEmpty(trimmedReason) || trimmedReason.Length > CorrectionReasonMaxLength)
        {
            throw new ArgumentException(
                $"A correction needs a reason of at most {CorrectionReasonMaxLength} characters.", nameof(reason));
        }

        var next = new Assessment
        {
            Id = newId,
            RelationshipId = RelationshipId,
            AuthorId = authorId,
            LineageId = LineageId,
            Revision = Revision + 1,
            RecordedAt = recordedAtUtc,
            CorrectionReason = trimmedReason,
        };
        next.Apply(corrected, today);
        var noteUnchanged = next.Note == Note && next.NoteIsPrivate == NoteIsPrivate;
        next.NoteAuthorId = next.Note is null ? null : noteUnchanged ? NoteAuthorId : authorId;
        SupersededAt = recordedAtUtc;
        return next;
    }

    public static bool IsPlausibleMeetingDate(DateOnly date, DateOnly today) =>
        date >= EarliestMeetingDate && date <= today;

    private void Apply(ScoredMeeting meeting, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (!IsPlausibleMeetingDate(meeting.MeetingDate, today))
        {
            throw new ArgumentOutOfRangeException(
                nameof(meeting), meeting.MeetingDate, $"The meeting date must be between {EarliestMeetingDate:yyyy-MM-dd} and today.");
        }

        if (!Enum.IsDefined(meeting.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(meeting), meeting.Kind, "Unknown meeting kind.");
        }

        var note = meeting.Note?.Trim();
        if (note?.Length > NoteMaxLength)
        {
            throw new ArgumentException($"The note is longer than {NoteMaxLength} characters.", nameof(meeting));
        }

        MeetingDate = meeting.MeetingDate;
        MeetingKind = meeting.Kind;
        Factors = meeting.Factors;
        Trust = TrustEquation.Stored(meeting.Factors);
        Note = string.IsNullOrEmpty(note) ? null : note;
        NoteIsPrivate = Note is not null && meeting.NoteIsPrivate;
    }

    /// <summary>Whether <paramref name="viewerId"/> may read a note: anyone who sees the assessment, unless it is private.</summary>
    public static bool CanReadNote(bool noteIsPrivate, Guid? noteAuthorId, Guid? viewerId) =>
        !noteIsPrivate || (noteAuthorId is not null && noteAuthorId == viewerId);
}

/// <summary>What an advisor enters after a meeting.</summary>
public sealed record ScoredMeeting(DateOnly MeetingDate, MeetingKind Kind, TrustFactors Factors, string? Note, bool NoteIsPrivate = false);

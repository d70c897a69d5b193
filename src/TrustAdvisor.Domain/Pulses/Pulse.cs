using System.Linq.Expressions;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Pulses;

/// <summary>
/// One request to a relationship's contact to say, in their own words, how they see the advisor: a personal link,
/// used once, that expires. The answers are the client's view beside the advisor's (docs/domain.md, "The client's own view").
/// </summary>
public sealed class Pulse
{
    public const int CommentMaxLength = 1000;
    public const int DefaultValidDays = 21;

    private Pulse()
    {
        TokenHash = [];
        ContactName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid RelationshipId { get; private set; }

    /// <summary>The advisor the client is asked about (the owner when asked): the client page names them, and their comment is for them.</summary>
    public Guid AdvisorId { get; private set; }

    public Guid AskedById { get; private set; }

    /// <summary>Who was asked, as the relationship named them then ("Jane Doe rated it 5").</summary>
    public string ContactName { get; private set; }

    public byte[] TokenHash { get; private set; }
    public DateTime AskedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public PulseStatus Status { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    /// <summary>The day the client answered (UTC), the date the client's view is shown and compared at.</summary>
    public DateOnly? AnsweredOn { get; private set; }

    /// <summary>The answer form's id, chosen when it was shown: the same form sent twice is the same answer.</summary>
    public Guid? SubmissionId { get; private set; }

    public int? Credibility { get; private set; }
    public int? Reliability { get; private set; }
    public int? Intimacy { get; private set; }
    public int? InterestsFirst { get; private set; }

    /// <summary>S, converted from <see cref="InterestsFirst"/> (<see cref="ClientAnswers.SelfOrientationFrom"/>).</summary>
    public int? SelfOrientation { get; private set; }

    /// <summary>The client's T, stored as an assessment's is (two decimals).</summary>
    public double? Trust { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>
    /// Sent to the contact by email (not shown to the advisor to pass on): a reminder may be waiting in the outbox, to
    /// cancel when the pulse closes. A pulse never emailed has none, and closing it costs no look for one.
    /// </summary>
    public bool SentByEmail { get; private set; }

    /// <summary>Changes with every change of status: of two answers sent at once, one is stored.</summary>
    public Guid Version { get; private set; }

    public TrustFactors? Factors => Credibility is { } c && Reliability is { } r && Intimacy is { } i && SelfOrientation is { } s
        ? new TrustFactors(c, r, i, s)
        : null;

    public static Pulse Ask(
        Guid id, Guid relationshipId, Guid advisorId, Guid askedById, string contactName, PulseToken token, DateTime askedAtUtc, int validDays)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentOutOfRangeException.ThrowIfLessThan(validDays, 1);
        if (token.PulseId != id)
        {
            throw new ArgumentException("The link's token belongs to another pulse.", nameof(token));
        }

        return new Pulse
        {
            Id = id,
            RelationshipId = relationshipId,
            AdvisorId = advisorId,
            AskedById = askedById,
            ContactName = string.IsNullOrWhiteSpace(contactName) ? throw new ArgumentException("The contact needs a name.", nameof(contactName)) : contactName.Trim(),
            TokenHash = token.Hash,
            AskedAt = askedAtUtc,
            ExpiresAt = askedAtUtc.AddDays(validDays),
            Status = PulseStatus.Open,
            Version = Guid.NewGuid(),
        };
    }

    public void MarkSentByEmail() => SentByEmail = true;

    /// <summary>The contact was erased: their name and their comment are replaced; their answers stay, anonymous.</summary>
    public void ForgetContact(string placeholder)
    {
        ContactName = placeholder;
        Comment = Comment is null ? null : "(erased)";
    }

    /// <summary>Open and not expired: the link can still be answered.</summary>
    public bool IsOpenAt(DateTime nowUtc) => OpenAt(nowUtc).Compile(preferInterpretation: true)(this);

    /// <summary><see cref="IsOpenAt"/> as a query can ask it of the database.</summary>
    public static Expression<Func<Pulse, bool>> OpenAt(DateTime nowUtc) => p => p.Status == PulseStatus.Open && nowUtc < p.ExpiresAt;

    public void Answer(Guid submissionId, ClientAnswers answers, string? comment, DateTime nowUtc)
    {
        if (!IsOpenAt(nowUtc))
        {
            throw new InvalidOperationException("This pulse can no longer be answered.");
        }

        var trimmed = comment?.Trim();
        if (trimmed?.Length > CommentMaxLength)
        {
            throw new ArgumentException($"The comment is longer than {CommentMaxLength} characters.", nameof(comment));
        }

        var factors = answers.Factors;
        Credibility = factors.Credibility;
        Reliability = factors.Reliability;
        Intimacy = factors.Intimacy;
        InterestsFirst = answers.InterestsFirst;
        SelfOrientation = factors.SelfOrientation;
        Trust = TrustEquation.Stored(factors);
        Comment = string.IsNullOrEmpty(trimmed) ? null : trimmed;
        SubmissionId = submissionId;
        AnsweredOn = DateOnly.FromDateTime(nowUtc);
        Close(PulseStatus.Answered, nowUtc);
    }

    /// <summary>The advisor took the link back; an answered pulse stays answered.</summary>
    public void Withdraw(DateTime nowUtc)
    {
        if (Status == PulseStatus.Open)
        {
            Close(PulseStatus.Withdrawn, nowUtc);
        }
    }

    /// <summary>A new link for the same relationship replaces this one, if it is still open.</summary>
    public void Replace(DateTime nowUtc)
    {
        if (Status == PulseStatus.Open)
        {
            Close(PulseStatus.Replaced, nowUtc);
        }
    }

    /// <summary>Whether a viewer may read the client's comment: the advisor asked about and the team's manager, as the client was told.</summary>
    public static bool CanReadComment(Guid advisorId, Guid? viewerId, bool viewerManagesTheTeam) =>
        viewerManagesTheTeam || (viewerId is { } v && v == advisorId);

    private void Close(PulseStatus status, DateTime nowUtc)
    {
        Status = status;
        ClosedAt = nowUtc;
        Version = Guid.NewGuid();
    }
}

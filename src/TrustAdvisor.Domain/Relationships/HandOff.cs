namespace TrustAdvisor.Domain.Relationships;

/// <summary>
/// A relationship passed from one advisor to another (trust is delegated: the newcomer borrows the predecessor's
/// trust until they build their own). An event in the relationship's history; never changed afterwards.
/// </summary>
public sealed class HandOff
{
    public const int NoteMaxLength = 500;

    private HandOff()
    {
        Note = string.Empty;
    }

    public HandOff(Guid id, Guid relationshipId, Guid fromOwnerId, Guid toOwnerId, Guid byUserId, string note, DateTime atUtc)
    {
        if (fromOwnerId == toOwnerId)
        {
            throw new ArgumentException("A hand-off goes to someone else.", nameof(toOwnerId));
        }

        var trimmed = note?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > NoteMaxLength)
        {
            throw new ArgumentException($"A hand-off needs a note of at most {NoteMaxLength} characters.", nameof(note));
        }

        (Id, RelationshipId, FromOwnerId, ToOwnerId, ByUserId, Note, HandedOffAt) =
            (id, relationshipId, fromOwnerId, toOwnerId, byUserId, trimmed, atUtc);
    }

    public Guid Id { get; private set; }
    public Guid RelationshipId { get; private set; }
    public Guid FromOwnerId { get; private set; }
    public Guid ToOwnerId { get; private set; }

    /// <summary>Who made the hand-off: the owner, or their manager.</summary>
    public Guid ByUserId { get; private set; }

    public string Note { get; private set; }
    public DateTime HandedOffAt { get; private set; }
}

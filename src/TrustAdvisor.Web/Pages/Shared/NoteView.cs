namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>An assessment's note as one viewer may see it: a private note's text only for its author.</summary>
public sealed record NoteView(string? Text, bool IsPrivate, bool Readable);

namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>An assessment's note as one viewer may see it: a private note's text only for its author.</summary>
public sealed record NoteView(string? Text, bool IsPrivate, bool Readable)
{
    /// <summary>A note longer than this, or of several lines, is folded to its first line in a compact list.</summary>
    public const int LineLength = 60;

    /// <summary>The note's first line, cut at a word before <see cref="LineLength"/> with an ellipsis if longer.</summary>
    public string? FirstLine
    {
        get
        {
            if (Text is null)
            {
                return null;
            }

            var line = Text.Split('\n', 2)[0].TrimEnd('\r', ' ');
            if (line.Length <= LineLength)
            {
                return line.Length == Text.Length ? Text : line + " …";
            }

            var cut = line.LastIndexOf(' ', LineLength);
            return line[..(cut > LineLength / 2 ? cut : LineLength)].TrimEnd() + " …";
        }
    }
}

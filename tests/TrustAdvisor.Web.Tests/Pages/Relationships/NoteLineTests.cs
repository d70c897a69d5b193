using TrustAdvisor.Web.Pages.Shared;

namespace TrustAdvisor.Web.Tests.Pages.Relationships;

/// <summary>A compact history folds a note to its first line; these are the lines it shows.</summary>
public class NoteLineTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("Short call.", "Short call.")]
    [InlineData("Workshop on the budget.\nThey want the forecast split by region.", "Workshop on the budget. …")]
    [InlineData("Workshop on the budget.\r\nSecond line.", "Workshop on the budget. …")]
    [InlineData("Quarterly review; they asked for the board pack a week earlier next time.", "Quarterly review; they asked for the board pack a week …")]
    [InlineData("Averyveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutanyspaceatall", "Averyveryveryveryveryveryveryveryveryveryveryveryveryverylon …")]
    public void The_first_line_is_cut_at_a_word_with_an_ellipsis(string? note, string? firstLine) =>
        new NoteView(note, IsPrivate: false, Readable: true).FirstLine.ShouldBe(firstLine);
}

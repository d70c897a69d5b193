namespace TrustAdvisor.Web.Pages.Shared;

/// <summary>
/// A list folded to its first <see cref="RowsOnPhone"/> rows on a phone (a table with the class <c>fold-rows</c>, in a section with an id):
/// the section to unfold, how many rows it has, and what they are. The dashboard's lists and a relationship's history.
/// </summary>
public sealed record SeeAll(string Section, int Count, string What)
{
    /// <summary>The rows a folded list shows on a phone; site.css's <c>.fold-rows</c> rule counts the same.</summary>
    public const int RowsOnPhone = 3;
}

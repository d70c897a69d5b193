using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace TrustAdvisor.Web.Forms;

/// <summary>One choice of a select list, as read from the database: its text and the id it stands for.</summary>
public sealed record OptionRow(string Text, Guid Value);

public static class OptionRows
{
    /// <summary>
    /// The rows as a select list's options. The id becomes text in .NET, not in SQL: SQLite keeps ids as upper-case
    /// text, and a posted value is compared with <see cref="Guid.ToString()"/>, which is lower case.
    /// </summary>
    public static async Task<List<SelectListItem>> ToOptionsAsync(this IQueryable<OptionRow> rows, CancellationToken cancellationToken) =>
        (await rows.ToListAsync(cancellationToken)).Select(r => new SelectListItem(r.Text, r.Value.ToString())).ToList();
}

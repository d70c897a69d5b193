namespace TrustAdvisor.Infrastructure.Import;

public enum RowOutcomeKind
{
    New,
    Updated,
    Unchanged,
    Refused,
}

/// <summary>Why a row is refused, by the column at fault.</summary>
public sealed record ColumnProblem(string Column, string Message);

/// <summary>What an import does with one row: <paramref name="What"/> names it (client and contact, or meeting).</summary>
public sealed record RowOutcome(int Row, RowOutcomeKind Kind, string What, IReadOnlyList<ColumnProblem> Problems)
{
    public static RowOutcome Refused(int row, string what, IReadOnlyList<ColumnProblem> problems) => new(row, RowOutcomeKind.Refused, what, problems);
}

/// <summary>Every row's outcome, in the file's order, and the file's columns the template does not have.</summary>
public sealed record ImportResult(IReadOnlyList<RowOutcome> Rows, IReadOnlyList<string> IgnoredColumns)
{
    public int Count(RowOutcomeKind kind) => Rows.Count(r => r.Kind == kind);

    public bool HasRefusals => Rows.Any(r => r.Kind == RowOutcomeKind.Refused);

    public string Totals => $"{Count(RowOutcomeKind.New)} new, {Count(RowOutcomeKind.Updated)} updated, {Count(RowOutcomeKind.Unchanged)} unchanged, {Count(RowOutcomeKind.Refused)} refused";
}

/// <summary>
/// Who imports and into which teams: an administrator into any (null), a manager into the teams they manage. Owners are
/// matched by email to the firm's active people, and must be in one of these teams.
/// </summary>
public sealed record ImportScope(IReadOnlyCollection<Guid>? Teams)
{
    public bool Includes(Guid? team) => Teams is null || (team is { } t && Teams.Contains(t));
}

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

/// <summary>
/// What an import does with a file's rows: the count of each outcome, and the first rows and the first refused rows
/// (<see cref="RowsKept"/> of each, as the page shows them), so that a long file's outcome stays small.
/// </summary>
public sealed class ImportResult(IReadOnlyList<string> ignoredColumns)
{
    public const int RowsKept = 200;

    private readonly int[] _counts = new int[Enum.GetValues<RowOutcomeKind>().Length];
    private readonly List<RowOutcome> _firstRows = [];
    private readonly List<RowOutcome> _firstRefused = [];

    /// <summary>The file's columns the template does not have (left out).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; } = ignoredColumns;

    public IReadOnlyList<RowOutcome> FirstRows => _firstRows;

    public IReadOnlyList<RowOutcome> FirstRefused => _firstRefused;

    public int RowCount => _counts.Sum();

    public int Count(RowOutcomeKind kind) => _counts[(int)kind];

    public bool HasRefusals => Count(RowOutcomeKind.Refused) > 0;

    public string Totals => $"{Count(RowOutcomeKind.New)} new, {Count(RowOutcomeKind.Updated)} updated, {Count(RowOutcomeKind.Unchanged)} unchanged, {Count(RowOutcomeKind.Refused)} refused";

    public void Add(RowOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _counts[(int)outcome.Kind]++;
        if (_firstRows.Count < RowsKept)
        {
            _firstRows.Add(outcome);
        }

        if (outcome.Kind == RowOutcomeKind.Refused && _firstRefused.Count < RowsKept)
        {
            _firstRefused.Add(outcome);
        }
    }
}

/// <summary>
/// Who imports and into which teams: an administrator into any (null), a manager into the teams they manage. Owners are
/// matched by email to the firm's active people, and must be in one of these teams.
/// </summary>
public sealed record ImportScope(IReadOnlyCollection<Guid>? Teams)
{
    public bool Includes(Guid? team) => Teams is null || (team is { } t && Teams.Contains(t));
}

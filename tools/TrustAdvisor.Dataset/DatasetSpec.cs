using System.Globalization;

namespace TrustAdvisor.Dataset;

/// <summary>How big a firm to generate. The defaults are the standard benchmark dataset.</summary>
public sealed record DatasetSpec(
    int Teams = 25,
    int AdvisorsPerTeam = 20,
    int Relationships = 25_000,
    int Assessments = 1_000_000,
    int Years = 5,
    int Seed = 20261122,
    DateOnly? Today = null,
    string? OpenLinksFile = null)
{
    /// <summary>Everyone in the dataset signs in with this password (benchmarks sign in as a manager and an advisor).</summary>
    public const string Password = "bench-password-2026";

    public int Advisors => Teams * AdvisorsPerTeam;

    public DateOnly TodayOrDefault => Today ?? DateOnly.FromDateTime(DateTime.UtcNow);

    public static string AdvisorEmail(int index) => $"advisor{index + 1}@bench.trustadvisor.test";

    public static string ManagerEmail(int team) => $"manager{team + 1}@bench.trustadvisor.test";

    public const string AdministratorEmail = "admin@bench.trustadvisor.test";

    /// <summary>
    /// --teams 25 --advisors-per-team 20 --relationships 25000 --assessments 1000000 --years 5 --seed 1 --today 2026-11-22
    /// --open-links FILE (a new open link for every active relationship without one, their paths written to FILE)
    /// </summary>
    public static DatasetSpec Parse(IReadOnlyList<string> args, out string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(args);
        var spec = new DatasetSpec();
        var connection = Environment.GetEnvironmentVariable("TRUSTADVISOR_DATASET_CONNECTION");
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            spec = args[i] switch
            {
                "--connection" => Set(() => connection = value, spec),
                "--teams" => spec with { Teams = Int(value) },
                "--advisors-per-team" => spec with { AdvisorsPerTeam = Int(value) },
                "--relationships" => spec with { Relationships = Int(value) },
                "--assessments" => spec with { Assessments = Int(value) },
                "--years" => spec with { Years = Int(value) },
                "--seed" => spec with { Seed = Int(value) },
                "--open-links" => spec with { OpenLinksFile = value },
                "--today" => spec with { Today = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        connectionString = connection;
        return spec;

        static int Int(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);

        static DatasetSpec Set(Action set, DatasetSpec unchanged)
        {
            set();
            return unchanged;
        }
    }
}

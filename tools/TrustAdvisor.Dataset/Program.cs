using System.Diagnostics;

namespace TrustAdvisor.Dataset;

/// <summary>
/// Loads a firm-sized dataset into an empty PostgreSQL database (migrating it first), for measuring the trend pages:
///   dotnet run -c Release --project tools/TrustAdvisor.Dataset -- --connection "Host=...;Database=...;Username=..."
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var spec = DatasetSpec.Parse(args, out var connectionString);
        if (string.IsNullOrEmpty(connectionString))
        {
            await Console.Error.WriteLineAsync("Give --connection or TRUSTADVISOR_DATASET_CONNECTION: the PostgreSQL database to fill (it must be empty).");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var counts = await DatasetLoader.LoadAsync(connectionString, spec, Console.Out);
        Console.WriteLine(
            $"Loaded {counts.Teams:N0} teams, {counts.Users:N0} people, {counts.Relationships:N0} relationships and " +
            $"{counts.Assessments:N0} assessments ({counts.Revisions:N0} rows with corrections), {counts.Pulses:N0} pulses " +
            $"({counts.Answered:N0} answered), {counts.OpenLinks:N0} open links, {counts.Commitments:N0} commitments and " +
            $"{counts.Plans:N0} open recovery plans in {clock.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }
}

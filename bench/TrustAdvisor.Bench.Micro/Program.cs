using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;

namespace TrustAdvisor.Bench.Micro;

/// <summary>
/// dotnet run -c Release --project bench/TrustAdvisor.Bench.Micro -- [--artifacts DIR]
/// Runs in process (no generated project to restore: the NuGet feed here is partial) with a short job.
/// </summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var artifacts = args.Length == 2 && args[0] == "--artifacts" ? args[1] : "BenchmarkDotNet.Artifacts";
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessNoEmitToolchain.Instance))
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts);
        BenchmarkRunner.Run<DomainBenchmarks>(config);
    }
}

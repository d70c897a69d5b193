using Quartz;
using TrustAdvisor.Infrastructure.Import;

namespace TrustAdvisor.Web.Pages.Import;

/// <summary>Runs the imports people asked for (<see cref="QueuedImports"/>), one at a time across the instances.</summary>
[DisallowConcurrentExecution]
internal sealed class ImportJob(QueuedImports imports) : IJob
{
    public static readonly JobKey Key = new("import");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await imports.RunQueuedAsync(cancellationToken);
}

internal static class ImportRegistration
{
    public static IServiceCollection AddImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<QueuedImports>();
        services.AddSingleton<ImportProgressBoard>();
        return services;
    }

    /// <summary>The import job on the app's scheduler: at once when an import is asked for, and regularly for one left half-way.</summary>
    public static void AddImportJob(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        var seconds = configuration.GetSection(ImportOptions.Section).GetValue(nameof(ImportOptions.CheckSeconds), new ImportOptions().CheckSeconds);
        quartz.AddJob<ImportJob>(job => job.WithIdentity(ImportJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger.ForJob(ImportJob.Key).WithIdentity("import-regularly")
            .StartNow().WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromSeconds(Math.Max(1, seconds))).RepeatForever()));
    }
}

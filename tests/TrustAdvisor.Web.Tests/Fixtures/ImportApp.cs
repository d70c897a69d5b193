namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>
/// The app on PostgreSQL with a small import size limit (1 MB), so that "too large" is quick to test, and the import
/// job's regular run every second, so that an import left by a stopped instance is taken up at once.
/// </summary>
public sealed class ImportApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Import:MaxFileMegabytes"] = "1",
        ["Import:CheckSeconds"] = "1",
    };
}

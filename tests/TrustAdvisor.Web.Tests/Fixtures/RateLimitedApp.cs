namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>The app with three sign-in attempts a minute per address (the production default is ten).</summary>
public sealed class RateLimitedApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string>? Settings =>
        new Dictionary<string, string> { ["Security:SignInAttemptsPerMinute"] = "3" };
}

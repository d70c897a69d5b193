namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>A firm that turned on drafting a recovery plan at a sharp drop (off by default).</summary>
public sealed class DraftPlansApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string>? Settings =>
        new Dictionary<string, string> { ["Recovery:DraftOnSharpDrop"] = "true" };
}

/// <summary>The same on the embedded default.</summary>
public sealed class SqliteDraftPlansApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string>? Settings =>
        new Dictionary<string, string> { ["Recovery:DraftOnSharpDrop"] = "true" };
}

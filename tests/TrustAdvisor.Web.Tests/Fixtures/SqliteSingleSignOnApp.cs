using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>The embedded default (SQLite) signing in through the tests' OpenID Connect provider, on the real clock.</summary>
public sealed class SqliteSingleSignOnApp : SqliteApp
{
    private TestIdentityProvider? _identityProvider;

    public SqliteSingleSignOnApp() => Clock.Now = DateTimeOffset.UtcNow;

    public TestIdentityProvider IdentityProvider => _identityProvider ?? throw new InvalidOperationException("The fixture has not started.");

    protected override IReadOnlyDictionary<string, string> Settings => IdentityProvider.AppSettings(SingleSignOnApp.AllowedDomain);

    protected override async Task<(string, string)> CreateDatabaseAsync()
    {
        _identityProvider = await TestIdentityProvider.StartForAsync(TrustAdvisorFactory.Https);
        return await base.CreateDatabaseAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_identityProvider is not null)
        {
            await _identityProvider.DisposeAsync();
        }
    }
}

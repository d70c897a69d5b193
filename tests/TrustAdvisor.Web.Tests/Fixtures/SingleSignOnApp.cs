using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>
/// The app on PostgreSQL with mail, signing in through a real OpenID Connect provider the tests run
/// (<see cref="TestIdentityProvider"/>); people of <see cref="AllowedDomain"/> get an account at their first sign-in.
/// The clock is the real one at start: the provider stamps its tokens and the browser its cookies with real time.
/// </summary>
public class SingleSignOnApp : MailApp
{
    public const string AllowedDomain = "sso.firm.test";

    private TestIdentityProvider? _identityProvider;

    public SingleSignOnApp() => Clock.Now = DateTimeOffset.UtcNow;

    public TestIdentityProvider IdentityProvider => _identityProvider ?? throw new InvalidOperationException("The fixture has not started.");

    protected override IReadOnlyDictionary<string, string> Settings =>
        MailSettings.Concat(IdentityProvider.AppSettings(AllowedDomain)).ToDictionary();

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

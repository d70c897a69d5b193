using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// The one-time code that first-run setup asks for outside Development, so that on a fresh public installation the
/// first visitor cannot make themselves administrator: only someone who can read the app's log (its operator) can.
/// The code lives in this instance's memory, is written to the log once at start (as Jupyter and Grafana do) and dies
/// when it is used; with several instances, each logs and accepts its own.
/// </summary>
public sealed partial class SetupCode(ILogger<SetupCode> logger, IHostEnvironment environment)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I to misread
    private readonly Lock _gate = new();
    private string? _code;

    /// <summary>False in Development (`dotnet run` on one's own machine), where setup needs no code.</summary>
    public bool IsRequired { get; } = !environment.IsDevelopment();

    /// <summary>At start: a new code, logged, when the installation has no administrator and is not Development.</summary>
    public async Task IssueIfNeededAsync(IServiceProvider services)
    {
        if (!IsRequired)
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        try
        {
            if (await AccountSeeder.AdministratorExistsAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>()))
            {
                return;
            }
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e))
        {
            // Not known whether setup is needed: a code is issued anyway; the page refuses it once an administrator exists.
        }

        var code = NewCode();
        lock (_gate)
        {
            _code = code;
        }

        LogSetupCode(logger, Readable(code));
    }

    /// <summary>Takes the code if it is the right one: it then works no more, unless <see cref="GiveBack"/> is called.</summary>
    public bool TryUse(string? candidate)
    {
        var given = Encoding.UTF8.GetBytes(Normalise(candidate));
        lock (_gate)
        {
            if (_code is null || !CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(_code)))
            {
                return false;
            }

            _code = null;
            return true;
        }
    }

    /// <summary>Setup failed after the code was taken (a password the rules refuse): the same code works again.</summary>
    public void GiveBack(string? used)
    {
        lock (_gate)
        {
            _code ??= Normalise(used);
        }
    }

    private static string Normalise(string? code) =>
        new((code ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static string NewCode() => RandomNumberGenerator.GetString(Alphabet, 20);

    /// <summary>Groups of four for the log, easier to copy by eye; any grouping or case is accepted.</summary>
    private static string Readable(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No administrator exists yet. Open /Setup and enter this one-time setup code to create the first one: {SetupCode}")]
    private static partial void LogSetupCode(ILogger logger, string setupCode);
}

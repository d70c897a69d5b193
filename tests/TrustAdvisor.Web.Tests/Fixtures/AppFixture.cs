using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Commitments;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Teams;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>One app on one database of its own; tests in a class share it and each makes its own data.</summary>
public abstract class AppFixture : IAsyncLifetime
{
    private TrustAdvisorFactory? _factory;

    public FixedClock Clock { get; } = new(FixedClock.Default);
    public DateOnly Today => Clock.Today;
    public TrustAdvisorFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    protected abstract bool DemoData { get; }

    /// <summary>Configuration a fixture sets for its app, over the tests' defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>False for a fresh install that still needs its first administrator.</summary>
    protected virtual bool CreatesAdministrator => true;

    public string Provider { get; private set; } = "";

    /// <summary>The fixture's database, for a second app instance on it (a restart, another server).</summary>
    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        (Provider, ConnectionString) = await CreateDatabaseAsync();
        _factory = new TrustAdvisorFactory(Provider, ConnectionString, DemoData, Clock, Settings);
        _ = _factory.Server; // starts the app, which migrates the database
        await AssertProviderAsync();
        Team = await CreateTeamAsync("Test team");
        if (CreatesAdministrator)
        {
            Admin = await CreatePersonAsync(AdminEmail, UserRole.Administrator, Team.Id);
        }

        await SeedAsync();
    }

    /// <summary>Data a whole test class shares, arranged once after the app has started.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public const string AdminEmail = "admin@tests.trustadvisor.test";

    /// <summary>The team the fixture's administrator belongs to; relationships default to it.</summary>
    public Team Team { get; private set; } = null!;

    public AppUser Admin { get; private set; } = null!;

    public async Task<Team> CreateTeamAsync(string name)
    {
        var team = new Team(Guid.CreateVersion7(), $"{name} {Guid.NewGuid():N}"[..Math.Min(Team.NameMaxLength, name.Length + 33)], Clock.Now.UtcDateTime);
        await QueryAsync(async db =>
        {
            db.Teams.Add(team);
            return await db.SaveChangesAsync();
        });
        return team;
    }
    public const string Password = "correct horse battery";

    /// <summary>A person who can sign in with <see cref="Password"/>.</summary>
    public async Task<AppUser> CreatePersonAsync(string email, UserRole role, Guid? teamId = null, bool active = true)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        AccountSeeder.Ensure(await AccountSeeder.CreateAsync(users, email, Password, email.Split('@')[0], role, Clock.Now.UtcDateTime, teamId ?? Team?.Id), email);
        var user = (await users.FindByEmailAsync(email))!;
        if (!active)
        {
            user.IsActive = false;
            await users.UpdateAsync(user);
        }

        return user;
    }

    /// <summary>Two-factor on for the person, as if they had set it up: the key their app holds and their recovery codes.</summary>
    public async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnTwoFactorAsync(AppUser person)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(person.Id.ToString()))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        return ((await users.GetAuthenticatorKeyAsync(user))!, codes);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    protected abstract Task<(string Provider, string ConnectionString)> CreateDatabaseAsync();

    protected abstract Task AssertProviderAsync();

    /// <summary>A browser-like client, not signed in: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient CreateAnonymousClient() =>
        Factory.CreateClient(TrustAdvisorFactory.BrowserLike());

    /// <summary>An anonymous client whose requests come from <paramref name="address"/> (behind the proxy, as X-Forwarded-For).</summary>
    public HttpClient CreateAnonymousClientFrom(string address)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>A browser-like client signed in through the sign-in form, as the administrator unless told otherwise.</summary>
    public async Task<HttpClient> CreateClientAsync(string email = AdminEmail)
    {
        var client = CreateAnonymousClient();
        var response = await client.SubmitAsync("/Account/SignIn", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = Password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode}.");
        }

        return client;
    }

    public async Task<T> QueryAsync<T>(Func<TrustAdvisorDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>();
        return await query(db);
    }

    public Task<int> CountAssessmentsAsync(Guid relationshipId) =>
        QueryAsync(db => db.Assessments.CountAsync(a => a.RelationshipId == relationshipId));

    public async Task<Relationship> AddRelationshipAsync(
        string client = "Harbour Logistics", RelationshipStage stage = RelationshipStage.Establish, DateOnly? nextReview = null, AppUser? owner = null)
    {
        var ownedBy = owner ?? Admin;
        var team = ownedBy.TeamId ?? throw new InvalidOperationException("The owner has no team.");
        var details = new RelationshipDetails(client, "Priya Shah", "CFO", stage, nextReview ?? Today.AddDays(30));
        return await QueryAsync(async db =>
        {
            var relationship = await TestClients.AddRelationshipAsync(db, details, ownedBy.Id, team, Clock.Now.UtcDateTime);
            await db.SaveChangesAsync();
            return relationship;
        });
    }

    public async Task<Assessment> AddAssessmentAsync(Guid relationshipId, DateOnly meetingDate, TrustFactors factors, string? note = null)
    {
        var assessment = Assessment.Record(
            Guid.CreateVersion7(), relationshipId, Admin.Id, new ScoredMeeting(meetingDate, MeetingKind.InPerson, factors, note), Clock.Now.UtcDateTime, Today);
        await QueryAsync(async db =>
        {
            db.Assessments.Add(assessment);
            return await db.SaveChangesAsync();
        });
        return assessment;
    }

    /// <summary>A promise made to the client in a meeting <paramref name="madeDaysAgo"/> days ago, due <paramref name="dueInDays"/> from today.</summary>
    public async Task<Commitment> AddCommitmentAsync(Guid relationshipId, string promise = "Send the draft contract", int madeDaysAgo = 7, int dueInDays = 3, AppUser? madeBy = null)
    {
        var commitment = Commitment.Make(
            Guid.CreateVersion7(), relationshipId, null, (madeBy ?? Admin).Id, promise, Today.AddDays(-madeDaysAgo), Today.AddDays(dueInDays), Clock.Now.UtcDateTime);
        await QueryAsync(async db =>
        {
            db.Commitments.Add(commitment);
            return await db.SaveChangesAsync();
        });
        return commitment;
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using TrustAdvisor.Bench.Reference;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;
using TrustAdvisor.Infrastructure.Persistence;

// ASPNETCORE_URLS=http://127.0.0.1:5199 ConnectionStrings__Postgres="Host=..." dotnet TrustAdvisor.Bench.Reference.dll
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
// The app's Npgsql settings (prepared statements kept on pooled connections, ADR 8), so the floor is as low as it goes.
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(DatabaseRegistration.TunePostgres(
    builder.Configuration.GetConnectionString("Postgres") ?? throw new InvalidOperationException("ConnectionStrings__Postgres is required."))));
builder.Services.AddDbContext<PostgresDbContext>(o => o.UseNpgsql(builder.Configuration.GetConnectionString("Postgres")));
var app = builder.Build();

// The floor under scoring an assessment: read the posted form, one INSERT of the same row, redirect. Nothing else.
// The author (and the note's author) come from the form's AuthorId, as the app's come from the session, so the row
// has the same foreign keys to check.
app.MapPost("/assessments/{relationshipId:guid}", async (Guid relationshipId, HttpRequest request, NpgsqlDataSource db) =>
{
    var form = await request.ReadFormAsync();
    var id = Guid.TryParse(form["AssessmentId"], out var given) ? given : Guid.CreateVersion7();
    var factors = new TrustFactors(
        int.Parse(form["Input.Credibility"]!, CultureInfo.InvariantCulture), int.Parse(form["Input.Reliability"]!, CultureInfo.InvariantCulture),
        int.Parse(form["Input.Intimacy"]!, CultureInfo.InvariantCulture), int.Parse(form["Input.SelfOrientation"]!, CultureInfo.InvariantCulture));
    await using var command = db.CreateCommand("""
        INSERT INTO assessments (id, relationship_id, author_id, lineage_id, revision, meeting_date, meeting_kind, credibility,
                                 reliability, intimacy, self_orientation, trust, note, note_is_private, note_author_id, recorded_at)
        VALUES ($1, $2, $11, $1, 1, $3, $4, $5, $6, $7, $8, $9, $10, FALSE, $12, now())
        """);
    command.Parameters.Add(new() { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid });
    command.Parameters.Add(new() { Value = relationshipId, NpgsqlDbType = NpgsqlDbType.Uuid });
    command.Parameters.Add(new() { Value = DateOnly.ParseExact(form["Input.MeetingDate"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType = NpgsqlDbType.Date });
    command.Parameters.Add(new() { Value = form["Input.Kind"].ToString(), NpgsqlDbType = NpgsqlDbType.Text });
    command.Parameters.Add(new() { Value = factors.Credibility, NpgsqlDbType = NpgsqlDbType.Integer });
    command.Parameters.Add(new() { Value = factors.Reliability, NpgsqlDbType = NpgsqlDbType.Integer });
    command.Parameters.Add(new() { Value = factors.Intimacy, NpgsqlDbType = NpgsqlDbType.Integer });
    command.Parameters.Add(new() { Value = factors.SelfOrientation, NpgsqlDbType = NpgsqlDbType.Integer });
    command.Parameters.Add(new() { Value = TrustEquation.Stored(factors), NpgsqlDbType = NpgsqlDbType.Double });
    var note = form["Input.Note"].ToString().Trim();
    command.Parameters.Add(new() { Value = note.Length == 0 ? DBNull.Value : note, NpgsqlDbType = NpgsqlDbType.Text });
    object author = Guid.TryParse(form["AuthorId"], out var authorId) ? authorId : DBNull.Value;
    command.Parameters.Add(new() { Value = author, NpgsqlDbType = NpgsqlDbType.Uuid });
    command.Parameters.Add(new() { Value = note.Length == 0 ? DBNull.Value : author, NpgsqlDbType = NpgsqlDbType.Uuid });
    await command.ExecuteNonQueryAsync();
    return Results.Redirect($"/relationships/{relationshipId}");
});

// The floor under answering a client's pulse: read the posted form, one UPDATE of the pulse the link names, redirect.
// No rate limit, anti-forgery, hash check or validation: what the app does on top of this is what the ratio measures.
app.MapPost("/pulse/{token}", async (string token, HttpRequest request, NpgsqlDataSource db) =>
{
    var form = await request.ReadFormAsync();
    var pulseId = PulseToken.Parse(token)?.PulseId ?? Guid.Empty;
    var answers = new ClientAnswers(
        int.Parse(form["Input.Credibility"]!, CultureInfo.InvariantCulture), int.Parse(form["Input.Reliability"]!, CultureInfo.InvariantCulture),
        int.Parse(form["Input.Intimacy"]!, CultureInfo.InvariantCulture), int.Parse(form["Input.InterestsFirst"]!, CultureInfo.InvariantCulture));
    await using var command = db.CreateCommand("""
        UPDATE pulses SET status = 'Answered', closed_at = now(), answered_on = current_date, submission_id = $2,
                          credibility = $3, reliability = $4, intimacy = $5, interests_first = $6, self_orientation = $7,
                          trust = $8, comment = $9, version = $10
        WHERE id = $1 AND status = 'Open'
        """);
    command.Parameters.Add(new() { Value = pulseId, NpgsqlDbType = NpgsqlDbType.Uuid });
    command.Parameters.Add(new() { Value = Guid.Parse(form["SubmissionId"]!), NpgsqlDbType = NpgsqlDbType.Uuid });
    command.Parameters.Add(new() { Value = answers.Factors.Credibility, NpgsqlDbType = NpgsqlDbType.Integer });
    command.Parameters.Add(new() { Value = answers.Factors.Reliability, NpgsqlDbType = NpgsqlDbType.Integer });
    command.Parameters.Add(new() { Value = answers.Factors.Intimacy, NpgsqlDbType = NpgsqlDbType.Integer });
    command.Parameters.Add(new() { Value = answers.InterestsFirst, NpgsqlDbType = NpgsqlDbType.Integer });
    command.Parameters.Add(new() { Value = answers.Factors.SelfOrientation, NpgsqlDbType = NpgsqlDbType.Integer });
    command.Parameters.Add(new() { Value = TrustEquation.Stored(answers.Factors), NpgsqlDbType = NpgsqlDbType.Double });
    var comment = form["Input.Comment"].ToString().Trim();
    command.Parameters.Add(new() { Value = comment.Length == 0 ? DBNull.Value : comment, NpgsqlDbType = NpgsqlDbType.Text });
    command.Parameters.Add(new() { Value = Guid.NewGuid(), NpgsqlDbType = NpgsqlDbType.Uuid });
    return await command.ExecuteNonQueryAsync() == 1 ? Results.Redirect("/pulse/thanks") : Results.NotFound();
});

// The team dashboard the naive way, for comparison with the SQL design.
app.MapGet("/naive-dashboard", async (Guid team, DateOnly from, DateOnly to, DateOnly today, PostgresDbContext db) =>
{
    db.ViewerAccessor = FixedViewerAccessor.System; // the team is chosen by the query string, not by who asks
    return Results.Text(await NaiveDashboard.ComputeAsync(db, team, from, to, today));
});

app.Run();

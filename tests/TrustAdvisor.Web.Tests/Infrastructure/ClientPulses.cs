using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;

namespace TrustAdvisor.Web.Tests.Infrastructure;

/// <summary>Asking a client and answering as the client, through the pages, and answered pulses arranged directly.</summary>
public static class ClientPulses
{
    /// <summary>Asks through "Ask the client" as <paramref name="advisor"/>; returns the link's path, as the page shows it.</summary>
    public static async Task<string> AskAsync(this HttpClient advisor, Guid relationshipId)
    {
        var response = await advisor.SubmitAsync($"/Relationships/Ask/{relationshipId}", new Dictionary<string, string?>(), "form.make-link");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var page = await advisor.GetPageAsync(response.Location());
        var link = page.QuerySelector<IHtmlInputElement>("#pulse-link")?.Value ?? throw new InvalidOperationException("No link shown.");
        return new Uri(link).PathAndQuery;
    }

    public static Dictionary<string, string?> Answers(int credibility = 7, int reliability = 5, int intimacy = 6, int interestsFirst = 8, string? comment = null) => new()
    {
        ["Input.Credibility"] = Text(credibility),
        ["Input.Reliability"] = Text(reliability),
        ["Input.Intimacy"] = Text(intimacy),
        ["Input.InterestsFirst"] = Text(interestsFirst),
        ["Input.Comment"] = comment,
    };

    /// <summary>A pulse asked the day before <paramref name="answeredOn"/> and answered that day at noon (UTC).</summary>
    public static async Task<Pulse> AddAnsweredPulseAsync(
        this AppFixture app, Relationship relationship, DateOnly answeredOn, ClientAnswers answers, string? comment = null)
    {
        var id = Guid.CreateVersion7();
        var answeredAt = answeredOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var pulse = Pulse.Ask(id, relationship.Id, relationship.OwnerId!.Value, relationship.OwnerId!.Value, relationship.Contact.Name,
            PulseToken.New(id), answeredAt.AddDays(-1), Pulse.DefaultValidDays);
        pulse.Answer(Guid.NewGuid(), answers, comment, answeredAt);
        await app.QueryAsync(async db =>
        {
            db.Pulses.Add(pulse);
            return await db.SaveChangesAsync();
        });
        return pulse;
    }

    /// <summary>A link made on <paramref name="askedOn"/> and never answered (expired once its days have passed).</summary>
    public static async Task<Pulse> AddUnansweredPulseAsync(this AppFixture app, Relationship relationship, DateOnly askedOn)
    {
        var id = Guid.CreateVersion7();
        var pulse = Pulse.Ask(id, relationship.Id, relationship.OwnerId!.Value, relationship.OwnerId!.Value, relationship.Contact.Name,
            PulseToken.New(id), askedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), Pulse.DefaultValidDays);
        await app.QueryAsync(async db =>
        {
            db.Pulses.Add(pulse);
            return await db.SaveChangesAsync();
        });
        return pulse;
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

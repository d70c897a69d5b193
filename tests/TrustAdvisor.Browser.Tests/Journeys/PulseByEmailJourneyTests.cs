using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustAdvisor.Browser.Tests.Infrastructure;
using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrustAdvisor.Browser.Tests.Journeys;

/// <summary>
/// On a phone, the advisor sends the pulse by email; the client answers from the link in the email as a real SMTP
/// server received it. An app of this test's own, configured to mail to that server.
/// </summary>
[Collection(BrowserGroup.Name)]
public partial class PulseByEmailJourneyTests(BrowserApp app) : IAsyncLifetime
{
    private const string Contact = "Jane Emailed";
    private AppWithMail? _mail;

    [GeneratedRegex(@"https?://\S+(/pulse/(?!stop/)\S+)")]
    private static partial Regex PulseLink();

    public async ValueTask InitializeAsync() => _mail = await AppWithMail.StartAsync(new Dictionary<string, string> { ["Pulse:FirmName"] = "Harbour Advisory" });

    [Fact]
    public async Task The_advisor_sends_the_pulse_by_email_on_a_phone_and_the_client_answers_from_the_email()
    {
        var contactEmail = $"jane.{Guid.NewGuid():N}@client.test";
        Guid relationshipId;
        await using (var scope = _mail!.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>();
            var advisor = await db.Users.SingleAsync(u => u.Email == People.Advisor.Email);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var relationship = await TestClients.AddRelationshipAsync(db, new RelationshipDetails("Emailed Pulse Ltd", Contact, "CFO", RelationshipStage.Establish, today.AddDays(30), contactEmail), advisor.Id, advisor.TeamId!.Value, DateTime.UtcNow);
            await db.SaveChangesAsync();
            relationshipId = relationship.Id;
        }

        var phone = Device.Phone;
        await using (var advisorVisit = await app.VisitAsync(phone, "pulse-by-email-advisor", otherApp: _mail!.Address))
        {
            await advisorVisit.RunAsync(async v =>
            {
                await v.SignInAsync(People.Advisor);
                await v.GoToAsync($"/Relationships/Ask/{relationshipId}");
                await v.TypeAsync(v.Page.GetByLabel(new Regex("^A line from you")), "Thank you for Tuesday.");
                await v.SeeAsync("ask-by-email");
                await Expect(v.Page.Locator(".send-to")).ToHaveTextAsync($"To {Contact}, {contactEmail}");
                await v.TapAsync(v.Page.GetByRole(AriaRole.Button, new() { Name = "Send it by email" }));
                await Expect(v.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Sent to {Contact} at {contactEmail}");
            });
        }

        var email = (await _mail!.Smtp.WaitForAsync(contactEmail)).Single();
        email.From.Mailboxes.Single().Name.ShouldBe("Alex Advisor (demo) via Harbour Advisory");
        var link = PulseLink().Match(email.TextBody!).Groups[1].Value;
        link.ShouldNotBeEmpty();

        await using var clientVisit = await app.VisitAsync(phone, "pulse-by-email-client", otherApp: _mail!.Address);
        await clientVisit.RunAsync(async v =>
        {
            await v.GoToAsync(link);
            await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How is working with Alex Advisor (demo)?");
            foreach (var (statement, answer) in new[] { ("I can believe", 8), ("Alex Advisor (demo) does what", 7), ("I can raise difficult things", 7), ("Alex Advisor (demo) puts my interests first", 8) })
            {
                var group = v.Page.GetByRole(AriaRole.Radiogroup, new() { NameRegex = new Regex("^" + Regex.Escape(statement)) });
                await v.TapAsync(group.GetByRole(AriaRole.Radio, new() { Name = answer.ToString(CultureInfo.InvariantCulture), Exact = true }));
            }

            await v.TapAsync(v.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }));
            await Expect(v.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you");
        });

        await using var check = _mail!.App.Services.CreateAsyncScope();
        var pulse = await check.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>().Pulses.IgnoreQueryFilters().SingleAsync(p => p.RelationshipId == relationshipId);
        pulse.Status.ShouldBe(PulseStatus.Answered);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_mail is not null)
        {
            await _mail.DisposeAsync();
        }
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Mail;

/// <summary>Nothing sent twice, nothing dropped silently: the outbox against a real SMTP server that goes down and refuses.</summary>
public class OutboxDeliveryTests(MailApp app) : IClassFixture<MailApp>
{
    private async Task<string> AskForResetAsync()
    {
        var person = await app.CreatePersonAsync($"mail.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);
        (await app.CreateAnonymousClient().SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string?> { ["Email"] = person.Email }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        return person.Email!;
    }

    [Fact]
    public async Task While_the_server_is_down_the_mail_waits_and_when_it_is_back_it_is_delivered_once()
    {
        await app.Smtp.StopAsync();
        string address;
        try
        {
            address = await AskForResetAsync();
            var waiting = await app.AttemptedAsync(address);
            (waiting.Status, waiting.Attempts).ShouldBe((OutboxStatus.Pending, 1));
            waiting.LastError.ShouldNotBeNullOrEmpty();
            waiting.NextAttemptAt.ShouldBe(app.Clock.Now.UtcDateTime + OutboxMessage.BackOff(1));
            await app.DeliverDueAsync();
            (await app.OutboxToAsync(address)).Single().Attempts.ShouldBe(1, "not tried again before its back-off has passed");

            var page = await (await app.CreateClientAsync()).GetPageAsync("/Admin/Mail/Index");
            page.QuerySelector("tr.mail-pending")!.TextContent.ShouldContain("Not sent yet (1 attempt");
        }
        finally
        {
            await app.Smtp.StartAsync();
        }

        app.Clock.Now += OutboxMessage.BackOff(1);
        await app.DeliverDueAsync();
        await app.DeliverDueAsync();

        (await app.Smtp.WaitForAsync(address)).Count.ShouldBe(1);
        var sent = (await app.OutboxToAsync(address)).Single();
        (sent.Status, sent.Attempts).ShouldBe((OutboxStatus.Sent, 2));
        app.Smtp.To(address).Single().MessageId.ShouldBe($"{sent.Id:N}@trustadvisor");
    }

    [Fact]
    public async Task An_address_the_server_refuses_fails_for_good_and_the_sent_mail_page_says_so()
    {
        var person = await app.CreatePersonAsync($"bounce.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);
        app.Smtp.Refuse(person.Email!);
        (await app.CreateAnonymousClient().SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string?> { ["Email"] = person.Email }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var failed = await app.AttemptedAsync(person.Email!);
        (failed.Status, failed.Attempts).ShouldBe((OutboxStatus.Failed, 1));
        app.Clock.Now += TimeSpan.FromDays(1);
        await app.DeliverDueAsync();
        app.Smtp.To(person.Email!).ShouldBeEmpty("a refused address is not tried again");
        (await app.OutboxToAsync(person.Email!)).Single().Attempts.ShouldBe(1);

        var page = await (await app.CreateClientAsync()).GetPageAsync("/Admin/Mail/Index");
        var row = page.QuerySelectorAll("tr.mail-failed").Single(r => r.TextContent.Contains(person.Email!, StringComparison.Ordinal));
        row.TextContent.ShouldContain("Failed after 1 attempt:");
        row.QuerySelector("summary")!.TextContent.ShouldBe("Choose a new TrustAdvisor password");
    }

    [Fact]
    public async Task Two_instances_delivering_side_by_side_send_every_message_once()
    {
        var addresses = Enumerable.Range(0, 40).Select(i => $"pair{i}.{Guid.NewGuid():N}@firm.test").ToList();
        await app.QueryAsync(async db =>
        {
            foreach (var address in addresses)
            {
                var id = Guid.CreateVersion7();
                db.OutboxMessages.Add(OutboxMessage.Compose(
                    id, $"pair:{id:N}", MailKind.PasswordReset, null, address, "Side by side", "Text", "<p>Html</p>", app.Clock.Now.UtcDateTime));
            }

            return await db.SaveChangesAsync();
        });
        await using var second = new TrustAdvisorFactory(app.Provider, app.ConnectionString, demoData: false, app.Clock, app.MailSettings);
        _ = second.Server;

        async Task DeliverAsync(IServiceProvider services)
        {
            for (var round = 0; round < 3; round++)
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxSender>().DeliverDueAsync(CancellationToken.None);
            }
        }

        await Task.WhenAll(Task.Run(() => DeliverAsync(app.Factory.Services)), Task.Run(() => DeliverAsync(second.Services)));

        // The instances' own scheduled runs (each fires once at start) may still be finishing a send they claimed.
        foreach (var address in addresses)
        {
            (await app.Smtp.WaitForAsync(address)).Count.ShouldBe(1, address);
        }

        await app.DeliverDueAsync();
        foreach (var address in addresses)
        {
            app.Smtp.To(address).Count().ShouldBe(1, address);
        }

        var statuses = new List<OutboxStatus>();
        for (var i = 0; i < 100 && statuses is not [OutboxStatus.Sent]; i++)
        {
            await Task.Delay(50); // a send's last step, marking its row, may still be on its way
            statuses = await app.QueryAsync(db => db.OutboxMessages.Where(m => addresses.Contains(m.To)).Select(m => m.Status).Distinct().ToListAsync());
        }

        statuses.ShouldBe([OutboxStatus.Sent]);
    }

    [Fact]
    public async Task The_same_message_decided_twice_is_stored_once()
    {
        var person = await app.CreatePersonAsync($"twice.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);
        OutboxMessage Decide() => OutboxMessage.Compose(
            Guid.CreateVersion7(), $"test:{person.Id:N}:2026-W48", MailKind.PasswordReset, person.Id, person.Email!, "Subject", "Text", "<p>Html</p>",
            app.Clock.Now.UtcDateTime);
        await app.QueryAsync(async db =>
        {
            db.OutboxMessages.Add(Decide());
            return await db.SaveChangesAsync();
        });

        await Should.ThrowAsync<DbUpdateException>(() => app.QueryAsync(async db =>
        {
            db.OutboxMessages.Add(Decide());
            return await db.SaveChangesAsync();
        }));
        (await app.OutboxToAsync(person.Email!)).Count.ShouldBe(1);
    }
}

/// <summary>The embedded default has no mail server: each message is an .eml file a newcomer can open.</summary>
public class EmbeddedMailTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Without_a_mail_server_each_message_is_written_as_an_eml_file_and_listed_for_administrators()
    {
        var person = await app.CreatePersonAsync($"eml.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);
        var visitor = app.CreateAnonymousClient();
        visitor.DefaultRequestHeaders.Host = "attacker.example"; // anyone may ask for someone else's reset link
        (await visitor.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string?> { ["Email"] = person.Email }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        MimeMessage? written = null;
        for (var i = 0; i < 200 && written is null; i++)
        {
            foreach (var file in Directory.Exists(app.Factory.MailFolder) ? Directory.GetFiles(app.Factory.MailFolder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == person.Email))
                {
                    written = message;
                }
            }

            await Task.Delay(50);
        }

        written.ShouldNotBeNull();
        written.Subject.ShouldBe("Choose a new TrustAdvisor password");
        (written.TextBody ?? "").ShouldContain("http://localhost:5080/Account/ResetPassword?", customMessage: "the link never takes the request's Host");
        (written.TextBody ?? "").ShouldNotContain("attacker.example");
        var page = await (await app.CreateClientAsync()).GetPageAsync("/Admin/Mail/Index");
        page.QuerySelector("main code")!.TextContent.ShouldBe(app.Factory.MailFolder);
        page.QuerySelectorAll("tr.mail-sent").ShouldContain(r => r.TextContent.Contains(person.Email!, StringComparison.Ordinal));
        // The .eml file is the delivery, like SMTP: it has the link; what the app keeps and shows does not.
        var token = System.Text.RegularExpressions.Regex.Match(written.TextBody ?? "", "token=([^&\\s]+)").Groups[1].Value;
        token.ShouldNotBeEmpty();
        page.Body!.TextContent.ShouldNotContain(token);
        page.Body.TextContent.ShouldContain(OutboxMessage.HiddenSecret);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustAdvisor.Domain.Reminders;
using TrustAdvisor.Infrastructure.Identity;
using TrustAdvisor.Infrastructure.Mail;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Pages.Account;

public class SettingsTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static Dictionary<string, string?> Form(
        string? zone = "Europe/London", string? reminder = "Weekly", string? day = "Tuesday", string? time = "07:30", string? digest = "true", string? alerts = null) => new()
        {
            ["Input.TimeZone"] = zone,
            ["Input.Reminder"] = reminder,
            ["Input.ReminderDay"] = day,
            ["Input.ReminderTime"] = time,
            ["Input.WeeklyDigest"] = digest,
            ["Input.DropAlerts"] = alerts,
        };

    private Task<MailPreferences?> StoredAsync(Guid id) =>
        app.QueryAsync(db => db.MailPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == id));

    [Fact]
    public async Task A_manager_chooses_a_weekly_reminder_in_their_zone_and_the_digest_without_alerts()
    {
        var manager = await app.CreatePersonAsync($"settings.{Guid.NewGuid():N}@firm.test", UserRole.Manager, app.Team.Id);
        var client = await app.CreateClientAsync(manager.Email!);

        var page = await client.GetPageAsync("/Account/Settings");
        page.QuerySelector("#Input_TimeZone option[selected]")!.GetAttribute("value").ShouldBe("UTC");
        page.QuerySelector("input[name='Input.Reminder'][checked]")!.GetAttribute("value").ShouldBe("Daily");
        page.GetElementById("Input_ReminderTime")!.GetAttribute("value").ShouldBe("08:00");
        (await StoredAsync(manager.Id)).ShouldBeNull("the defaults are not stored until the person saves");

        var saved = await client.SubmitAsync("/Account/Settings", Form());
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = (await StoredAsync(manager.Id))!;
        (stored.TimeZone, stored.Reminder, stored.ReminderDay, stored.ReminderTime, stored.WeeklyDigest, stored.DropAlerts)
            .ShouldBe(("Europe/London", ReminderFrequency.Weekly, DayOfWeek.Tuesday, new TimeOnly(7, 30), true, false));
        var again = await client.GetPageAsync("/Account/Settings");
        again.QuerySelector("#Input_TimeZone option[selected]")!.GetAttribute("value").ShouldBe("Europe/London");
        again.QuerySelector("input[name='Input.DropAlerts']")!.HasAttribute("checked").ShouldBeFalse();
    }

    [Fact]
    public async Task An_advisor_has_no_digest_or_alerts_to_choose_and_cannot_turn_them_off_by_posting()
    {
        var advisor = await app.CreatePersonAsync($"advisor.{Guid.NewGuid():N}@firm.test", UserRole.Advisor, app.Team.Id);
        var client = await app.CreateClientAsync(advisor.Email!);

        var page = await client.GetPageAsync("/Account/Settings");
        page.QuerySelector("input[name='Input.WeeklyDigest']").ShouldBeNull();
        page.QuerySelector("[data-testid=calendar-status]")!.TextContent.ShouldBe("No calendar connected.");
        (await client.SubmitAsync("/Account/Settings", Form(reminder: "Off", digest: null))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = (await StoredAsync(advisor.Id))!;
        (stored.Reminder, stored.WeeklyDigest, stored.DropAlerts).ShouldBe((ReminderFrequency.Off, true, true));
    }

    [Theory]
    [InlineData("Input.TimeZone", "Mars/Olympus_Mons", "TimeZone", "Choose your time zone from the list.")]
    [InlineData("Input.TimeZone", "", "TimeZone", "Choose your time zone from the list.")]
    [InlineData("Input.ReminderTime", "24:00", "ReminderTime", "Enter a time from 00:00 to 23:59, like 08:00.")]
    [InlineData("Input.ReminderTime", "7pm", "ReminderTime", "Enter a time from 00:00 to 23:59, like 08:00.")]
    [InlineData("Input.ReminderTime", "08:60", "ReminderTime", "Enter a time from 00:00 to 23:59, like 08:00.")]
    [InlineData("Input.ReminderTime", "", "ReminderTime", "Enter a time from 00:00 to 23:59, like 08:00.")]
    [InlineData("Input.Reminder", "Hourly", "Reminder", "Choose daily, weekly or no reminder.")]
    [InlineData("Input.Reminder", "1", "Reminder", "Choose daily, weekly or no reminder.")]
    [InlineData("Input.ReminderDay", "Funday", "ReminderDay", "Choose the day of the week for a weekly reminder.")]
    [InlineData("Input.ReminderDay", "9", "ReminderDay", "Choose the day of the week for a weekly reminder.")]
    public async Task A_bad_value_is_refused_with_a_plain_message_and_nothing_changes(string field, string value, string key, string message)
    {
        var manager = await app.CreatePersonAsync($"bad.{Guid.NewGuid():N}@firm.test", UserRole.Manager, app.Team.Id);
        var client = await app.CreateClientAsync(manager.Email!);
        (await client.SubmitAsync("/Account/Settings", Form())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var before = await StoredAsync(manager.Id);

        var form = Form(zone: "Asia/Tokyo", reminder: "Daily", time: "06:15", alerts: "true");
        form[field] = value;
        var response = await client.SubmitAsync("/Account/Settings", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).GetElementById($"Input_{key}-error")!.TextContent.ShouldBe(message);
        (await StoredAsync(manager.Id)).ShouldBeEquivalentTo(before);
    }

    [Fact]
    public async Task A_checkbox_that_is_not_a_yes_or_no_changes_nothing()
    {
        var manager = await app.CreatePersonAsync($"box.{Guid.NewGuid():N}@firm.test", UserRole.Manager, app.Team.Id);
        var client = await app.CreateClientAsync(manager.Email!);

        var response = await client.SubmitAsync("/Account/Settings", Form(digest: "banana"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredAsync(manager.Id)).ShouldBeNull();
    }
}

using System.Globalization;
using FluentValidation;
using TrustAdvisor.Domain.Reminders;
using TrustAdvisor.Infrastructure.Mail;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>A person's email settings as the form posts them: text, so that anything typed gets a plain answer.</summary>
public sealed record SettingsInput(string? TimeZone, string? Reminder, string? ReminderDay, string? ReminderTime, bool WeeklyDigest, bool DropAlerts)
{
    public static SettingsInput From(MailPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        return new SettingsInput(
            preferences.TimeZone, preferences.Reminder.ToString(), preferences.ReminderDay.ToString(),
            preferences.ReminderTime.ToString("HH:mm", CultureInfo.InvariantCulture), preferences.WeeklyDigest, preferences.DropAlerts);
    }

    /// <summary>Onto the stored settings; only for input the validator accepted.</summary>
    public void ApplyTo(MailPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        preferences.TimeZone = TimeZone!;
        preferences.Reminder = Enum.Parse<ReminderFrequency>(Reminder!);
        preferences.ReminderDay = Enum.Parse<DayOfWeek>(ReminderDay!);
        preferences.ReminderTime = TimeOnly.ParseExact(ReminderTime!, "HH:mm", CultureInfo.InvariantCulture);
        preferences.WeeklyDigest = WeeklyDigest;
        preferences.DropAlerts = DropAlerts;
    }

    public static bool IsTimeZone(string? id) => id is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}

public sealed class SettingsInputValidator : AbstractValidator<SettingsInput>
{
    public SettingsInputValidator()
    {
        RuleFor(x => x.TimeZone).Must(SettingsInput.IsTimeZone).WithMessage("Choose your time zone from the list.");
        RuleFor(x => x.Reminder).Must(r => Enum.TryParse<ReminderFrequency>(r, ignoreCase: false, out var f) && Enum.IsDefined(f) && !int.TryParse(r, out _))
            .WithMessage("Choose daily, weekly or no reminder.");
        RuleFor(x => x.ReminderDay).Must(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: false, out var day) && Enum.IsDefined(day) && !int.TryParse(d, out _))
            .WithMessage("Choose the day of the week for a weekly reminder.");
        RuleFor(x => x.ReminderTime).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter a time from 00:00 to 23:59, like 08:00.")
            .Matches("^([01][0-9]|2[0-3]):[0-5][0-9]$").WithMessage("Enter a time from 00:00 to 23:59, like 08:00.");
    }
}

using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TrustAdvisor.Web.Forms;

internal static class TextRules
{
    /// <summary>
    /// Text a person could have typed. Control characters and broken UTF-16 are refused with a message,
    /// rather than reaching PostgreSQL (which rejects NUL) as a server error. Markup is allowed: it is text,
    /// and every page encodes it on output.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, bool multiline = false) =>
        rule.Must(value => IsPlainText(value, multiline))
            .WithMessage("{PropertyName} contains characters that cannot be stored (control characters).");

    public static IRuleBuilderOptions<T, string?> AtMost<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(value => (value?.Trim().Length ?? 0) <= maxLength)
            .WithMessage((_, value) => $"{{PropertyName}} can be at most {maxLength:N0} characters; this one has {value?.Trim().Length:N0}.");

    /// <summary>
    /// The same rules for a single required text field that a handler checks without a validator class
    /// (a team's name, a hand-off's note, a correction's reason). Returns whether the value passed.
    /// </summary>
    public static bool RequireText(
        this ModelStateDictionary modelState, string key, string? value, int maxLength, string whenMissing, string label, bool multiline = true)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var trimmed = value?.Trim();
        var error = string.IsNullOrEmpty(trimmed) ? whenMissing
            : trimmed.Length > maxLength ? $"{label} can be at most {maxLength:N0} characters; this one has {trimmed.Length:N0}."
            : !IsPlainText(trimmed, multiline) ? $"{label} contains characters that cannot be stored (control characters)."
            : null;
        if (error is not null)
        {
            modelState.AddModelError(key, error);
        }

        return error is null;
    }

    public const int EmailMaxLength = 256;

    /// <summary>An email address someone signs in with: required, at most 256 characters, well formed.</summary>
    public static IRuleBuilderOptions<T, string?> SignInEmail<T>(this IRuleBuilderInitial<T, string?> rule, string whenMissing) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(whenMissing)
            .AtMost(EmailMaxLength)
            .EmailAddress().WithMessage("Enter a valid email address, like name@firm.com.")
            .WithName("Email");

    internal static bool IsPlainText(string? value, bool multiline)
    {
        if (value is null)
        {
            return true;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            var allowedWhitespace = c == ' ' || (multiline && c is '\n' or '\r' or '\t');
            if (char.IsSurrogate(c) || (char.IsControl(c) && !allowedWhitespace))
            {
                return false;
            }
        }

        return true;
    }
}

using FluentValidation;
using TrustAdvisor.Web.Security;

namespace TrustAdvisor.Web.Forms;

internal static class TextRules
{
    /// <summary>
    /// Text a person could have typed. Control characters and broken UTF-16 are refused with a message,
    /// rather than reaching PostgreSQL (which rejects NUL) as a server error. Markup is allowed: it is text,
    /// and every page encodes it on output. Judged as it would be stored: trimmed.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, bool multiline = false) =>
        rule.Must(value => IsPlainText(value?.Trim(), multiline))
            .WithMessage("{PropertyName} contains characters that cannot be stored (control characters).");

    public static IRuleBuilderOptions<T, string?> AtMost<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(value => (value?.Trim().Length ?? 0) <= maxLength)
            .WithMessage((_, value) => $"{{PropertyName}} can be at most {maxLength:N0} characters; this one has {value?.Trim().Length:N0}.");

    /// <summary>A required text field: not blank, at most <paramref name="maxLength"/> characters, plain text; the first failure only.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(
        this IRuleBuilderInitial<T, string?> rule, string whenMissing, int maxLength, bool multiline = false) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(IsGiven).WithMessage(whenMissing)
            .AtMost(maxLength)
            .PlainText(multiline);

    /// <summary>
    /// A password someone will sign in with: given, at least <see cref="Accounts.MinimumPasswordLength"/> characters and
    /// at most <see cref="Accounts.MaximumPasswordLength"/> (OWASP ASVS 2.1.1 and 2.1.2; any characters, no composition rules).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Password<T>(this IRuleBuilderInitial<T, string?> rule, string whenMissing, string whenShort) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(whenMissing)
            .MinimumLength(Accounts.MinimumPasswordLength).WithMessage(whenShort)
            .MaximumLength(Accounts.MaximumPasswordLength).WithMessage($"A password can be at most {Accounts.MaximumPasswordLength} characters; a phrase of a few words is plenty.");

    public const int EmailMaxLength = 256;

    /// <summary>An email address someone signs in with: required, at most 256 characters, well formed.</summary>
    public static IRuleBuilderOptions<T, string?> SignInEmail<T>(this IRuleBuilderInitial<T, string?> rule, string whenMissing) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(IsGiven).WithMessage(whenMissing)
            .AtMost(EmailMaxLength)
            .EmailAddress().WithMessage("Enter a valid email address, like name@firm.com.")
            .Must(IsMailAddress).WithMessage("Enter a valid email address, like name@firm.com.")
            .WithName("Email");

    /// <summary>An address a mail server takes as it is: one mailbox, no display name or brackets around it.</summary>
    private static bool IsMailAddress(string? value) =>
        value is not null && System.Net.Mail.MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim()
        && address.DisplayName.Length == 0;

    /// <summary>
    /// The same checks as <see cref="RequiredText"/>, for a value checked in a loop (rows of a form) rather than by a
    /// rule: the first failure's message, or null when the text may be stored.
    /// </summary>
    public static string? RequiredTextError(string? value, string whenMissing, int maxLength, string name, bool multiline = false)
    {
        var text = value?.Trim() ?? "";
        return text.Length == 0 ? whenMissing
            : text.Length > maxLength ? $"{name} can be at most {maxLength:N0} characters; this one has {text.Length:N0}."
            : !IsPlainText(text, multiline) ? $"{name} contains characters that cannot be stored (control characters)."
            : null;
    }

    private static bool IsGiven(string? value) => !string.IsNullOrWhiteSpace(value);

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

using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace TrustAdvisor.Web.Forms;

/// <summary>Plain-words messages for values that cannot even be read (text in a number field, an impossible date).</summary>
internal static class BindingMessages
{
    public static void Configure(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field}: '{Shorten(value)}' is not a valid value.");
        messages.SetValueIsInvalidAccessor(value => $"'{Shorten(value)}' is not a valid value.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} must be a number.");
        messages.SetValueMustNotBeNullAccessor(field => $"{field} is required.");
        messages.SetMissingBindRequiredValueAccessor(field => $"{field} is required.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{Shorten(value)}' is not a valid value.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"{field} has a value that is not valid.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "A value is not valid.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "The value must be a number.");
        messages.SetMissingKeyOrValueAccessor(() => "A value is required.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "The form was empty.");
    }

    // The rejected value is echoed back (encoded by Razor); a 10,000-character one would drown the message.
    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}

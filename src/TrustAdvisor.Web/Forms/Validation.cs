using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TrustAdvisor.Web.Forms;

internal static class Validation
{
    public const string IncompleteForm = "This form is incomplete, so nothing was saved. Reload the page and try again.";

    /// <summary>
    /// Forms that create something carry the new row's id, chosen when the form was shown (that is what makes a
    /// resubmitted form store once). A post without it cannot be trusted to be stored exactly once: refuse it.
    /// </summary>
    public static bool RequireFormId(this ModelStateDictionary modelState, Guid formId)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (formId == Guid.Empty)
        {
            modelState.AddModelError(string.Empty, IncompleteForm);
        }

        return formId != Guid.Empty;
    }

    /// <summary>
    /// Validates <paramref name="input"/> and adds its errors under <paramref name="prefix"/>.
    /// A field that could not even be bound already says so; a second message about it would only confuse.
    /// </summary>
    public static async Task<bool> ValidateIntoAsync<T>(
        this IValidator<T> validator, T input, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(input, cancellationToken);
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(error.PropertyName) ? prefix
                : string.IsNullOrEmpty(prefix) ? error.PropertyName
                : $"{prefix}.{error.PropertyName}";
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            modelState.AddModelError(key, error.ErrorMessage);
        }

        return modelState.IsValid;
    }
}


using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TrustAdvisor.Web.Forms;

/// <summary>What a form field shows after a rejected post: its first message.</summary>
public static class FormState
{
    public static string? FirstError(this ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TrustAdvisor.Web.Forms;

/// <summary>
/// An archived relationship keeps its history and takes no change until it is restored: every form that would change
/// one refuses with the same words, says what restoring allows, and saves nothing.
/// </summary>
public static class ArchivedGuard
{
    /// <summary>"This relationship is archived. Restore it to edit it."</summary>
    public static string Notice(string restoreTo) => $"This relationship is archived. Restore it to {restoreTo}.";

    /// <summary>
    /// When <paramref name="isArchived"/>, adds "This relationship is archived, so nothing was saved. Restore it to …"
    /// to the form's errors and returns true.
    /// </summary>
    public static bool RefuseArchived(this ModelStateDictionary modelState, bool isArchived, string restoreTo, string outcome = "nothing was saved")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (isArchived)
        {
            modelState.AddModelError(string.Empty, $"This relationship is archived, so {outcome}. Restore it to {restoreTo}.");
        }

        return isArchived;
    }
}

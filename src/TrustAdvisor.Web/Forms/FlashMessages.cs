using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace TrustAdvisor.Web.Forms;

/// <summary>The one-line message the next page shows at its top, after a redirect (the layout takes it once).</summary>
public static class FlashMessages
{
    private const string Key = "Flash";
    private const string ScoredKey = "JustScored";

    public static void Flash(this ITempDataDictionary tempData, string message)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[Key] = message;
    }

    public static string? TakeFlash(this ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        return tempData[Key] as string;
    }

    /// <summary>The relationship's page after a score opens with where to work next.</summary>
    public static void FlashJustScored(this ITempDataDictionary tempData, string message)
    {
        tempData.Flash(message);
        tempData[ScoredKey] = true;
    }

    public static bool TakeJustScored(this ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        return tempData[ScoredKey] is true;
    }
}

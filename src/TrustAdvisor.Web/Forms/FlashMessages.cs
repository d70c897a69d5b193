using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace TrustAdvisor.Web.Forms;

/// <summary>The one-line message the next page shows at its top, after a redirect (the layout takes it once).</summary>
public static class FlashMessages
{
    private const string Key = "Flash";

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
}

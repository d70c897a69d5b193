namespace TrustAdvisor.Web.Pages.Recovery;

/// <summary>The firm's choices about recovery plans (configuration section "Recovery").</summary>
public sealed class RecoveryOptions
{
    public const string Section = "Recovery";

    /// <summary>A sharp drop at a scored meeting drafts a plan for the owner to confirm. Off unless the firm turns it on.</summary>
    public bool DraftOnSharpDrop { get; set; }

    /// <summary>A drafted plan's day to look again, this many days after the drop.</summary>
    public int DraftReviewAfterDays { get; set; } = 30;
}

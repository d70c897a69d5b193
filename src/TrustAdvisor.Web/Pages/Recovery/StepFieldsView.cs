using Microsoft.AspNetCore.Mvc.Rendering;

namespace TrustAdvisor.Web.Pages.Recovery;

/// <summary>One step row of a form: the field names' prefix ("Input.Steps[0]"), what to show, and the team to choose from.</summary>
public sealed record StepFieldsView(string Prefix, string Label, StepInput? Step, IReadOnlyList<SelectListItem> Team);

using FluentValidation;
using TrustAdvisor.Domain.Teams;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Admin.Teams;

/// <summary>A new team's name, as the teams page posts it (whether the name is free is the page's question).</summary>
public sealed record TeamInput(string? Name);

public sealed class TeamInputValidator : AbstractValidator<TeamInput>
{
    public TeamInputValidator() =>
        RuleFor(x => x.Name).RequiredText("Enter the team's name.", Team.NameMaxLength).WithName("A team name");
}

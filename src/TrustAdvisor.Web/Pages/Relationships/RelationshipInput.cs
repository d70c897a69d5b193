using System.ComponentModel.DataAnnotations;
using FluentValidation;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Clients;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.Relationships;

/// <summary>The relationship form, shared by Create and Edit.</summary>
public sealed class RelationshipInput
{
    [Display(Name = "Client organisation")]
    public string? ClientOrganisation { get; set; }

    [Display(Name = "Contact")]
    public string? ContactName { get; set; }

    [Display(Name = "Contact's role")]
    public string? ContactRole { get; set; }

    [Display(Name = "Contact's email")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Stage")]
    public RelationshipStage? Stage { get; set; }

    [Display(Name = "Next review date")]
    public DateOnly? NextReviewDate { get; set; }

    /// <summary>The relationship's details; its contact and organisation must be loaded with it.</summary>
    public static RelationshipInput From(Relationship relationship) => new()
    {
        ClientOrganisation = relationship.Contact.Organisation.Name,
        ContactName = relationship.Contact.Name,
        ContactRole = relationship.Contact.Role,
        ContactEmail = relationship.Contact.Email,
        Stage = relationship.Stage,
        NextReviewDate = relationship.NextReviewDate,
    };

    /// <summary>Only call once validated.</summary>
    public RelationshipDetails ToDetails() =>
        new(ClientOrganisation!, ContactName!, ContactRole, Stage!.Value, NextReviewDate!.Value, ContactEmail);
}

public sealed class RelationshipInputValidator : AbstractValidator<RelationshipInput>
{
    public const int ReviewYearsAhead = 10;

    public RelationshipInputValidator(TimeProvider time)
    {
        RuleFor(x => x.ClientOrganisation).RequiredText("Enter the client organisation.", Organisation.NameMaxLength)
            .WithName("Client organisation");
        RuleFor(x => x.ContactName).RequiredText("Enter the contact person's name.", Contact.NameMaxLength).WithName("Contact");
        RuleFor(x => x.ContactRole).Cascade(CascadeMode.Stop)
            .AtMost(Contact.RoleMaxLength)
            .PlainText()
            .WithName("Contact's role");
        RuleFor(x => x.ContactEmail).Cascade(CascadeMode.Stop)
            .AtMost(Contact.EmailMaxLength)
            .Must(e => string.IsNullOrWhiteSpace(e) || Contact.IsPlausibleEmail(e.Trim()))
            .WithMessage("Enter the contact's email address, like jane@client.com, or leave it empty.")
            .WithName("Contact's email");
        RuleFor(x => x.Stage).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choose the stage: Meet, Vet, Establish or Maintain.")
            .IsInEnum().WithMessage("Choose the stage: Meet, Vet, Establish or Maintain.");
        RuleFor(x => x.NextReviewDate).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the date to review this relationship next.")
            .Must(d => d >= Domain.Assessments.Assessment.EarliestMeetingDate)
            .WithMessage("The next review date cannot be before 1 January 1990.")
            .Must(d => d <= time.Today().AddYears(ReviewYearsAhead))
            .WithMessage($"The next review date must be within {ReviewYearsAhead} years.");
    }
}

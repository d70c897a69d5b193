using System.ComponentModel.DataAnnotations;
using FluentValidation;
using TrustAdvisor.Domain;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Infrastructure.Reporting;
using TrustAdvisor.Web.Formatting;
using TrustAdvisor.Web.Forms;

namespace TrustAdvisor.Web.Pages.TeamDashboard;

/// <summary>What the manager chose on the dashboard: the period, its buckets and the filters (all from the query string).</summary>
public sealed class DashboardFilter
{
    public const string LastFourWeeks = "4w";
    public const string Quarter = "quarter";
    public const string Year = "year";
    public const string Custom = "custom";
    public const int DefaultStaleDays = Staleness.DefaultNotScoredDays;
    public const int MaxPeriodDays = 5 * 366;
    public const int ClientMaxLength = 200;

    [Display(Name = "Period")]
    public string? Period { get; set; }
    [Display(Name = "From")]
    public DateOnly? From { get; set; }
    [Display(Name = "To")]
    public DateOnly? To { get; set; }

    /// <summary>"week" or "month"; when empty, weeks for periods up to a quarter and months beyond.</summary>
    [Display(Name = "Trend by")]
    public string? By { get; set; }

    [Display(Name = "Advisor")]
    public Guid? Advisor { get; set; }
    [Display(Name = "Stage")]
    public RelationshipStage? Stage { get; set; }
    [Display(Name = "Client")]
    public string? Client { get; set; }

    /// <summary>For administrators, who see every team; a manager always sees their own.</summary>
    [Display(Name = "Team")]
    public Guid? Team { get; set; }

    [Display(Name = "Not scored in (days)")]
    public int? StaleDays { get; set; }

    [Display(Name = "Sort")]
    public string? Sort { get; set; }
    public bool Desc { get; set; }

    public string PeriodOrDefault => string.IsNullOrEmpty(Period) ? Quarter : Period;

    /// <summary>The dates the dashboard covers, both inclusive, ending today unless custom.</summary>
    public (DateOnly From, DateOnly To) Dates(DateOnly today) => PeriodOrDefault switch
    {
        LastFourWeeks => (today.AddDays(-27), today),
        Year => (today.AddYears(-1).AddDays(1), today),
        Custom when From is { } from && To is { } to => (from, to),
        _ => (today.AddMonths(-3).AddDays(1), today),
    };

    public bool ByMonth(DateOnly today)
    {
        if (By is "week" or "month")
        {
            return By == "month";
        }

        var (from, to) = Dates(today);
        return to.DayNumber - from.DayNumber > 120;
    }

    public int StaleDaysOrDefault => StaleDays ?? DefaultStaleDays;

    /// <summary>The same filter with the defaults for everything a person got wrong, so the page still shows something.</summary>
    public DashboardFilter Defaults() => new() { Team = Team };
}

public sealed class DashboardFilterValidator : AbstractValidator<DashboardFilter>
{
    public DashboardFilterValidator(TimeProvider time)
    {
        RuleFor(x => x.Period)
            .Must(p => string.IsNullOrEmpty(p) || p is DashboardFilter.LastFourWeeks or DashboardFilter.Quarter or DashboardFilter.Year or DashboardFilter.Custom)
            .WithMessage("Choose a period from the list.");
        RuleFor(x => x.By).Must(b => string.IsNullOrEmpty(b) || b is "week" or "month").WithMessage("Group by week or by month.");
        When(x => x.Period == DashboardFilter.Custom, () =>
        {
            RuleFor(x => x.From).NotNull().WithMessage("Enter the first day of the custom period.")
                .Must(d => d >= Domain.Assessments.Assessment.EarliestMeetingDate).WithMessage("The period cannot start before 1990.");
            RuleFor(x => x.To).NotNull().WithMessage("Enter the last day of the custom period.")
                .Must(d => d <= time.Today()).WithMessage("The period cannot end after today.");
            RuleFor(x => x).Must(x => x.From is null || x.To is null || x.From <= x.To).OverridePropertyName(nameof(DashboardFilter.To))
                .WithMessage("The last day must be on or after the first day.");
            RuleFor(x => x).Must(x => x.From is null || x.To is null || x.To.Value.DayNumber - x.From.Value.DayNumber <= DashboardFilter.MaxPeriodDays)
                .OverridePropertyName(nameof(DashboardFilter.To)).WithMessage("A custom period can be at most five years.");
        });
        RuleFor(x => x.Client).AtMost(ClientMaxLength).PlainText().WithName("Client");
        RuleFor(x => x.StaleDays).InclusiveBetween(1, 3650).WithMessage("Not scored in: enter a number of days from 1 to 3,650.");
        RuleFor(x => x.Sort).Must(s => s is null || AdvisorSummary.SortKeys.Contains(s)).WithMessage("Sort by one of the table's columns.");
    }

    private const int ClientMaxLength = DashboardFilter.ClientMaxLength;
}

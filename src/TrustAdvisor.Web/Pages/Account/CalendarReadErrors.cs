using TrustAdvisor.Infrastructure.Calendars;

namespace TrustAdvisor.Web.Pages.Account;

/// <summary>Why a calendar could not be read, in the person's words, with what to do about it.</summary>
public static class CalendarReadErrors
{
    public static string Describe(CalendarReadError error, int maxMegabytes) => error switch
    {
        CalendarReadError.NotFound => "The calendar's server says there is no calendar at this address: it may have been unpublished or renewed. Copy the address again and connect it.",
        CalendarReadError.Refused => "The calendar's server refused to give the calendar: the address may have expired. Publish the calendar again and connect the new address.",
        CalendarReadError.TimedOut => "The calendar's server took too long to answer. TrustAdvisor tries again at its next reading.",
        CalendarReadError.TooLarge => $"The calendar is larger than {maxMegabytes} MB. Publish a shorter span of it (many calendar programs let you choose) and connect that.",
        CalendarReadError.NotACalendar => "This address gives a web page or a file that is not a calendar: copy the iCal (.ics) address, not the address of the page that shows it.",
        CalendarReadError.PrivateAddress => "This address leads into a private network, which TrustAdvisor does not read. Use the calendar's public (published) address.",
        _ => "The calendar's server could not be reached, or answered with an error. TrustAdvisor tries again at its next reading.",
    };
}

using TrustAdvisor.Infrastructure.Calendars;

namespace TrustAdvisor.Web.Tests.Calendars;

public class CalendarAddressesTests
{
    [Theory]
    [InlineData("webcal://p52-caldav.icloud.com/published/2/abc", "https://p52-caldav.icloud.com/published/2/abc")]
    [InlineData("  https://outlook.office365.com/owa/calendar/x/y/calendar.ics ", "https://outlook.office365.com/owa/calendar/x/y/calendar.ics")]
    [InlineData("https://calendar.google.com/calendar/ical/me%40firm.example/private-abc/basic.ics", "https://calendar.google.com/calendar/ical/me%40firm.example/private-abc/basic.ics")]
    public void Addresses_as_calendar_programs_give_them_are_read_over_https(string typed, string read) =>
        CalendarAddresses.Parse(typed, out _)!.AbsoluteUri.ShouldBe(read);

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("52.96.0.1", true)]
    [InlineData("2603:1026::1", true)]
    public void Only_public_addresses_are_read(string address, bool isPublic) =>
        PrivateAddressGuard.IsPublic(System.Net.IPAddress.Parse(address)).ShouldBe(isPublic);
}

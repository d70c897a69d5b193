using System.Text.RegularExpressions;
using TrustAdvisor.Web.Security;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Docs;

/// <summary>docs/security.md lists the pages open without an account as the app's one list has them.</summary>
public partial class AnonymousPagesDocTests
{
    [Fact]
    public void The_security_document_names_every_page_open_without_an_account_with_its_rate_limit()
    {
        var document = File.ReadAllText(Path.Combine(Repository.Root, "docs", "security.md"));
        var rows = TableRow().Matches(document).Select(m => (Page: m.Groups[1].Value, Why: m.Groups[2].Value.Trim(), Limit: m.Groups[3].Value.Trim())).ToList();

        rows.ShouldBe(AnonymousPages.All.Select(p => (p.Page, p.Why, p.RateLimit ?? "none")).ToList());
    }

    [GeneratedRegex(@"^\| `(/[A-Za-z/]+)` \| ([^|]+) \| ([a-z-]+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}

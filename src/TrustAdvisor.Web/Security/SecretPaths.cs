using Microsoft.AspNetCore.Routing.Patterns;

namespace TrustAdvisor.Web.Security;

/// <summary>
/// The one rule for addresses that carry a secret (a client's pulse link, a calendar feed, an unsubscribe link, and
/// any page added later): a page whose route has a parameter named <c>token</c> carries a secret in it, and logs and
/// traces keep only the literal part before it ("/calendar/(secret)"). Query strings, where a reset link's token
/// travels, are never logged or traced at all. By path, not by the matched endpoint: a trace's span is enriched
/// before routing has found the page.
/// </summary>
public sealed class SecretPaths(EndpointDataSource endpoints)
{
    public const string TokenParameter = "token";
    public const string Mask = "(secret)";

    private readonly Lazy<(string[] Prefixes, HashSet<string> Literals)> _rules = new(() => Build(endpoints));

    /// <summary>The path as logs and traces may keep it.</summary>
    public string Logged(PathString path)
    {
        var value = path.Value ?? string.Empty;
        var (prefixes, literals) = _rules.Value;
        if (literals.Contains(value.TrimEnd('/')))
        {
            return value; // a page of its own under a secret's prefix, such as /pulse/thanks
        }

        foreach (var prefix in prefixes)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return prefix + Mask;
            }
        }

        return value;
    }

    /// <summary>The literal start of every route with a token parameter ("/pulse/"), and every route without parameters.</summary>
    private static (string[] Prefixes, HashSet<string> Literals) Build(EndpointDataSource endpoints)
    {
        var prefixes = new List<string>();
        var literals = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pattern in endpoints.Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern))
        {
            if (pattern.Parameters.Count == 0)
            {
                literals.Add("/" + (pattern.RawText ?? string.Empty).Trim('/'));
                continue;
            }

            if (pattern.GetParameter(TokenParameter) is null)
            {
                continue;
            }

            var before = pattern.PathSegments
                .TakeWhile(segment => segment.Parts.All(part => part is RoutePatternLiteralPart))
                .Select(segment => string.Concat(segment.Parts.Cast<RoutePatternLiteralPart>().Select(part => part.Content)));
            prefixes.Add("/" + string.Concat(before.Select(segment => segment + "/")));
        }

        return ([.. prefixes.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length)], literals);
    }
}

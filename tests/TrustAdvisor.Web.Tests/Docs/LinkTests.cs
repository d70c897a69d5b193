using System.Text.RegularExpressions;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Docs;

/// <summary>Documents that point at each other, and code that points at documents, point at something that exists.</summary>
public partial class LinkTests
{
    /// <summary>Copies of other projects' files, whose links are theirs.</summary>
    private static readonly string[] Vendored = ["src/TrustAdvisor.Web/wwwroot/lib/", "tests/TrustAdvisor.Browser.Tests/axe-core/"];

    private static readonly string[] CodeExtensions = [".cs", ".cshtml", ".js", ".lua", ".sh", ".py", ".csproj", ".props", ".yml", ".json"];

    private static IEnumerable<string> OwnFiles(string extension) =>
        Repository.Files(".", extension).Where(path => !Vendored.Any(v => Repository.Relative(path).StartsWith(v, StringComparison.Ordinal)));

    /// <summary>
    /// Markdown links, relative to their file; and the checkout's paths that the documents name in code spans
    /// (`docs/…`, `scripts/…`, `src/…`: from the root), leaving out patterns, placeholders and what a run creates.
    /// </summary>
    [Fact]
    public void Every_relative_link_and_path_in_the_markdown_files_exists()
    {
        var broken = new List<string>();
        var links = 0;
        foreach (var file in OwnFiles(".md"))
        {
            var text = File.ReadAllText(file);
            foreach (Match link in MarkdownLink().Matches(text))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length == 0 || UriScheme().IsMatch(target))
                {
                    continue;
                }

                links++;
                if (!Exists(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(target))))
                {
                    broken.Add($"{Repository.Relative(file)}: {target}");
                }
            }

            foreach (var path in CodeSpanPath().Matches(text).Select(m => m.Groups["path"].Value).Concat(DocsPaths(text)))
            {
                if (path.IndexOfAny(['*', '<', '{', '…']) >= 0 || path.Contains("...", StringComparison.Ordinal)
                    || path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("App_Data", StringComparison.Ordinal))
                {
                    continue;
                }

                links++;
                if (!Exists(Path.Combine(Repository.Root, path)))
                {
                    broken.Add($"{Repository.Relative(file)}: {path}");
                }
            }
        }

        links.ShouldBeGreaterThan(0, "the check found no links at all: its pattern is wrong");
        broken.ShouldBeEmpty();
    }

    /// <summary>A file or folder, or (for a short reference such as docs/decisions/0005) the start of a file's name.</summary>
    private static bool Exists(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) || Directory.Exists(full))
        {
            return true;
        }

        var folder = Path.GetDirectoryName(full);
        return folder is not null && Directory.Exists(folder) && Path.GetFileName(full).Length >= 4
            && Directory.EnumerateFileSystemEntries(folder, Path.GetFileName(full) + "*").Any();
    }

    private static IEnumerable<string> DocsPaths(string text) =>
        DocsPath().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ':', ';', ')'));

    [Fact]
    public void Every_docs_path_and_decision_record_named_in_code_exists()
    {
        var broken = new List<string>();
        var named = 0;
        var decisions = Directory.GetFiles(Path.Combine(Repository.Root, "docs", "decisions"), "*.md")
            .Select(path => int.TryParse(Path.GetFileName(path)[..4], out var number) ? number : 0)
            .ToHashSet();
        foreach (var file in CodeExtensions.SelectMany(OwnFiles))
        {
            var text = File.ReadAllText(file);
            foreach (var path in DocsPaths(text))
            {
                named++;
                if (!Exists(Path.Combine(Repository.Root, path)))
                {
                    broken.Add($"{Repository.Relative(file)}: {path}");
                }
            }

            foreach (Match adr in DecisionNumber().Matches(text))
            {
                named++;
                if (!decisions.Contains(int.Parse(adr.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture)))
                {
                    broken.Add($"{Repository.Relative(file)}: {adr.Value}");
                }
            }
        }

        named.ShouldBeGreaterThan(0, "the check found no names at all: its pattern is wrong");
        broken.ShouldBeEmpty();
    }

    // [text](target) and ![alt](target), the target up to a space or the closing parenthesis.
    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"`(?<path>(docs|scripts|src|tests|bench|tools|\.ci)/[^`\s]*)`")]
    private static partial Regex CodeSpanPath();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"(?<![\w/.-])docs/[A-Za-z0-9_./-]+")]
    private static partial Regex DocsPath();

    [GeneratedRegex(@"\bADR (?<number>\d+)\b")]
    private static partial Regex DecisionNumber();
}

namespace TrustAdvisor.Web.Tests.Infrastructure;

/// <summary>The checkout the tests run from: for tests that read the project's own source and documents.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The files under <paramref name="folder"/> (relative to the root) ending in <paramref name="extension"/>, build output left out.</summary>
    public static IEnumerable<string> Files(string folder, string extension) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*" + extension, SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(Root, path).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or "node_modules" or ".git"));

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrustAdvisor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the checkout: TrustAdvisor.sln was not found above " + AppContext.BaseDirectory);
    }
}

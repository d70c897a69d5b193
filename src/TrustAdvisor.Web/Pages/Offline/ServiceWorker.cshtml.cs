using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustAdvisor.Web.Pages.Offline;

/// <summary>
/// The service worker's script, at the site's root so that its scope is the whole app: the release it belongs to
/// and the shell it keeps (each file under the same fingerprinted address the pages use), then the worker's code.
/// A new release changes this script, which is how browsers learn to update their worker.
/// </summary>
public sealed class ServiceWorkerModel(IConfiguration configuration) : PageModel
{
    /// <summary>Set to any new value to make every phone take a fresh copy of the app's shell (as a release does).</summary>
    public const string ReleaseSetting = "Offline:Release";

    private static readonly string[] ShellFiles =
        ["css/site.css", "js/offline-store.js", "js/offline.js", "manifest.webmanifest", "icons/icon.svg", "icons/icon-192.png", "favicon.ico"];

    /// <summary>The offline page as the worker keeps it: marked, so that its script knows it is the phone's copy.</summary>
    public const string KeptOfflinePage = "/Offline?kept=1";

    private static readonly string[] WorkerFiles = ["js/offline-store.js", "js/offline-worker.js"];

    private static readonly string AppVersion =
        typeof(ServiceWorkerModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";

    public ContentResult OnGet()
    {
        var assets = HttpContext.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>() ?? ResourceAssetCollection.Empty;
        string Address(string file) => "/" + assets[file].TrimStart('/');
        var shell = ShellFiles.Select(Address).Append(KeptOfflinePage).ToArray();
        var worker = WorkerFiles.Select(Address).ToArray();
        var release = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', [.. shell, .. worker, AppVersion, configuration[ReleaseSetting] ?? ""]))))[..16];
        Response.Headers.CacheControl = "no-cache";
        return Content(
            $"""
            self.RELEASE = {JsonSerializer.Serialize(release)};
            self.SHELL = {JsonSerializer.Serialize(shell)};
            importScripts({string.Join(", ", worker.Select(file => JsonSerializer.Serialize(file)))});

            """,
            "text/javascript; charset=utf-8");
    }
}

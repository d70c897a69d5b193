using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Infrastructure.DataProtection;

/// <summary>
/// Keeps Data Protection keys (what sign-in cookies and anti-forgery tokens are encrypted with) in the app's own
/// database, so sessions survive a restart or a new container, and every instance behind a load balancer reads the
/// same keys. What Microsoft.AspNetCore.DataProtection.EntityFrameworkCore does, which cannot be restored here.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceProvider services) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>();
        return db.DataProtectionKeys.Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using TrustAdvisor.Infrastructure.DataProtection;

namespace TrustAdvisor.Web.Hosting;

internal static class KeyStorage
{
    /// <summary>
    /// Data Protection keys in the app's database under one application name, so a restart, a new container or a
    /// second instance can read the cookies and forms the others issued. The keys are stored unencrypted: anyone who
    /// can read that table can read the data itself; add ProtectKeysWith… (a certificate) where that differs.
    /// </summary>
    public static IServiceCollection AddKeysInDatabase(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("TrustAdvisor");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((options, provider) => options.XmlRepository = new DatabaseXmlRepository(provider));
        return services;
    }
}

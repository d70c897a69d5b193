using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using TrustAdvisor.Infrastructure.Persistence;

namespace TrustAdvisor.Web.Hosting;

internal static partial class KeyStorage
{
    public const string CertificatePathSetting = "DataProtection:Certificate:Path";
    public const string CertificatePasswordSetting = "DataProtection:Certificate:Password";

    /// <summary>
    /// Data Protection keys (what sign-in cookies and anti-forgery tokens are encrypted with) in the app's database
    /// under one application name, so a restart, a new container or a second instance can read what the others
    /// issued. With a certificate configured (a PKCS #12 file and its password) the keys are encrypted with it at rest;
    /// without one they are stored as they are, a choice made here rather than by default: whoever can read that
    /// table can read the data itself.
    /// </summary>
    public static IServiceCollection AddKeysInDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection()
            .SetApplicationName("TrustAdvisor")
            .PersistKeysToDbContext<TrustAdvisorDbContext>();
        if (configuration[CertificatePathSetting] is { Length: > 0 } path)
        {
            // Read at start, so a wrong path or password stops the app with the reason rather than failing sign-ins later.
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordSetting]));
        }
        else
        {
            services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new NullXmlEncryptor());
        }

        return services;
    }

    /// <summary>Says once at start how the keys are kept, so that an operator who has not chosen knows there is a choice.</summary>
    public static void LogKeyProtection(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration[CertificatePathSetting] is { Length: > 0 } path)
        {
            LogEncrypted(app.Logger, path);
        }
        else
        {
            LogUnencrypted(app.Logger, CertificatePathSetting);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data Protection keys are kept in the database, encrypted with the certificate {Path}")]
    private static partial void LogEncrypted(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Data Protection keys are kept in the database unencrypted; set {Setting} (and its password) to encrypt them with a certificate")]
    private static partial void LogUnencrypted(ILogger logger, string setting);
}

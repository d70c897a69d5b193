using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustAdvisor.Infrastructure.Persistence;
using TrustAdvisor.Web.Tests.Infrastructure;

namespace TrustAdvisor.Web.Tests.Security;

/// <summary>With a certificate configured, the Data Protection keys are stored encrypted with it.</summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Keys_written_with_a_certificate_configured_are_encrypted_at_rest()
    {
        var path = Path.Combine(_folder.Path, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=TrustAdvisor test keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "test-password"));
        }

        var server = await PostgresServer.GetAsync();
        await using var app = new TrustAdvisorFactory("Postgres", await server.CreateDatabaseAsync(), demoData: true, new FixedClock(FixedClock.Default),
            new Dictionary<string, string> { ["DataProtection:Certificate:Path"] = path, ["DataProtection:Certificate:Password"] = "test-password" });

        // The sign-in page's anti-forgery token needs a key: the first one is made and stored now.
        (await app.CreateClient().GetAsync(new Uri("/Account/SignIn", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = app.Services.CreateAsyncScope();
        var xml = await scope.ServiceProvider.GetRequiredService<TrustAdvisorDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        xml.ShouldNotBeEmpty();
        xml.ShouldAllBe(k => k!.Contains("EncryptedData", StringComparison.Ordinal) && !k.Contains("<masterKey", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}

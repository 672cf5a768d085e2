using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ArtifactHub.TestSupport;

/// <summary>
/// A self-signed certificate for 127.0.0.1 and localhost: a PFX for Kestrel and a PEM the go command trusts through
/// SSL_CERT_FILE. The go command sends .netrc credentials only over HTTPS, so the secured tests need one.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private readonly TempDir _dir = new("tls");

    public TestCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        PfxPath = Path.Combine(_dir.Path, "server.pfx");
        PemPath = Path.Combine(_dir.Path, "server.pem");
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pfx, PfxPassword));
        File.WriteAllText(PemPath, certificate.ExportCertificatePem() + "\n");
    }

    public string PfxPath { get; }

    public string PfxPassword { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    /// <summary>The certificate alone, PEM: the value of SSL_CERT_FILE for the go command (and curl's --cacert).</summary>
    public string PemPath { get; }

    public void Dispose() => _dir.Dispose();
}

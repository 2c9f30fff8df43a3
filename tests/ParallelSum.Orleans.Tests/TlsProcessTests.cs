using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ParallelSum.Orleans.Tests;

/// <summary>TLS with a cluster certificate (the sample's --tls-certificate): only clients presenting it get in.</summary>
public sealed class TlsProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = SampleProcess.Deadline;

    private readonly string _folder = Directory.CreateTempSubdirectory("parallelsum-tls-").FullName;

    [Fact]
    public async Task TlsSilo_SumsForAClientWithTheCertificate_AndRefusesClientsWithoutIt()
    {
        string cluster = WriteSelfSigned("cluster.pfx", "parallelsum-cluster");
        string stranger = WriteSelfSigned("stranger.pfx", "parallelsum-cluster");
        string gateway = SampleProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        string clusterId = "test-" + Guid.NewGuid().ToString("N");
        using var silo = SampleProcess.StartSample("--silo-port", SampleProcess.FreePort().ToString(CultureInfo.InvariantCulture), "--gateway-port", gateway,
            "--cluster-id", clusterId, "--tls-certificate", cluster);
        await silo.WaitForLineAsync("silo ready", StartTimeout);
        Assert.Contains(", TLS", silo.Output, StringComparison.Ordinal);

        using (var trusted = SampleProcess.StartSample("sum", "--gateway-port", gateway, "--cluster-id", clusterId, "--count", "1000000", "--connect-timeout", SampleProcess.ConnectTimeoutSeconds, "--tls-certificate", cluster))
        {
            Assert.Equal(0, await trusted.WaitForExitAsync(StartTimeout));
            Assert.Contains(new RandomStream(42).ReferenceSum(0, 1_000_000).ToString(CultureInfo.InvariantCulture), trusted.Output, StringComparison.Ordinal);
        }

        // Without TLS, and with TLS but another certificate (same subject name): both refused, within the connect timeout.
        foreach (string[] credentials in new[] { Array.Empty<string>(), ["--tls-certificate", stranger] })
        {
            using var refused = SampleProcess.StartSample(["sum", "--gateway-port", gateway, "--cluster-id", clusterId, "--count", "1000000", "--connect-timeout", "5", .. credentials]);
            Assert.Equal(1, await refused.WaitForExitAsync(StartTimeout));
            Assert.Contains("could not connect to the Orleans cluster", refused.Output, StringComparison.Ordinal);
        }

        Assert.False(silo.HasExited);
    }

    [Fact]
    public async Task UnreadableCertificate_IsBadUsage_ExitCode2()
    {
        string bogus = Path.Combine(_folder, "bogus.pfx");
        await File.WriteAllTextAsync(bogus, "not a certificate");
        using var silo = SampleProcess.StartSample("--tls-certificate", bogus);
        Assert.Equal(2, await silo.WaitForExitAsync(StartTimeout));
        Assert.Contains($"--tls-certificate '{bogus}' cannot be read as a PKCS#12 file", silo.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteSelfSigned(string fileName, string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        string path = Path.Combine(_folder, fileName);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return path;
    }
}

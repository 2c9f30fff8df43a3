using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace ParallelSum.Silo;

/// <summary>
/// TLS between the silos and clients of one cluster (Microsoft.Orleans.Connections.Security), with one cluster certificate:
/// every silo and client presents the same certificate (a PKCS#12 file with its private key) and accepts a peer only if
/// the peer presents that very certificate. A client without it cannot connect.
/// </summary>
internal static class ClusterTls
{
    public static readonly Option<FileInfo?> Certificate = new("--tls-certificate")
    {
        Description = "PKCS#12 (.pfx) file of the cluster certificate: turns on TLS, and only peers presenting the same certificate are accepted. Every silo and client of the cluster uses the same file.",
    };

    public static readonly Option<string?> Password = new("--tls-password")
    {
        Description = "Password of the --tls-certificate file (default: none).",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Certificate);
        command.Options.Add(Password);
    }

    /// <summary>
    /// Loads the certificate named on the command line (null without TLS); when the file cannot be used, prints one line
    /// naming it on stderr and returns false (bad usage).
    /// </summary>
    public static bool TryLoad(ParseResult parse, out X509Certificate2? certificate)
    {
        try
        {
            certificate = Load(parse);
            return true;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message} (see --help)");
            certificate = null;
            return false;
        }
    }

    private static X509Certificate2? Load(ParseResult parse)
    {
        if (parse.GetValue(Certificate) is not FileInfo file)
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(file.FullName, parse.GetValue(Password));
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--tls-certificate '{file.FullName}' cannot be read as a PKCS#12 file with that password: {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new ArgumentException($"--tls-certificate '{file.FullName}' holds no private key; a PKCS#12 file with the key is needed.");
        }

        return certificate;
    }

    /// <summary>Turns on TLS on a silo with the cluster certificate.</summary>
    public static void Configure(ISiloBuilder silo, X509Certificate2 certificate) => silo.UseTls(certificate, o => Pin(o, certificate));

    /// <summary>Turns on TLS on a client with the cluster certificate.</summary>
    public static void Configure(IClientBuilder client, X509Certificate2 certificate) => client.UseTls(certificate, o => Pin(o, certificate));

    private static void Pin(TlsOptions options, X509Certificate2 cluster)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;

        // The cluster certificate is self-signed; trust is the certificate itself, compared by its SHA-256 hash.
        byte[] pinned = cluster.GetCertHash(HashAlgorithmName.SHA256);
        options.RemoteCertificateValidation = (certificate, _, _) =>
            certificate is not null && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), pinned);
        options.OnAuthenticateAsClient = (_, client) => client.TargetHost = cluster.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }
}

using System.Globalization;

namespace ParallelSum.Experiment;

/// <summary>Where <c>run --cluster</c> finds a running Orleans cluster (see samples/ParallelSum.Silo).</summary>
/// <param name="Redis">A Redis connection string for membership, or <see langword="null"/> for localhost clustering.</param>
/// <param name="GatewayPorts">Without Redis: the silos' gateway ports on 127.0.0.1.</param>
/// <param name="ClusterId">The Orleans cluster id.</param>
/// <param name="ServiceId">The Orleans service id.</param>
internal sealed record ClusterTarget(string? Redis, IReadOnlyList<int> GatewayPorts, string ClusterId, string ServiceId)
{
    /// <summary>How long to wait for the connection to the cluster before failing (<c>--connect-timeout</c>; 20 s unless given).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>What <see cref="TryParse"/> accepts, for error messages.</summary>
    public const string Accepted = "localhost (gateway 30000), localhost:<port>[,<port>…] (gateways on 127.0.0.1), or redis=<host>:<port> (Redis membership)";

    /// <summary>Reads <c>--cluster</c>'s value.</summary>
    public static bool TryParse(string text, string clusterId, string serviceId, out ClusterTarget? target)
    {
        target = null;
        if (text.StartsWith("redis=", StringComparison.Ordinal) && text.Length > "redis=".Length)
        {
            target = new ClusterTarget(text["redis=".Length..], [], clusterId, serviceId);
            return true;
        }

        if (text == "localhost")
        {
            target = new ClusterTarget(null, [30000], clusterId, serviceId);
            return true;
        }

        if (!text.StartsWith("localhost:", StringComparison.Ordinal))
        {
            return false;
        }

        var ports = new List<int>();
        foreach (string item in text["localhost:".Length..].Split(','))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            {
                return false;
            }

            ports.Add(port);
        }

        target = new ClusterTarget(null, ports, clusterId, serviceId);
        return true;
    }
}

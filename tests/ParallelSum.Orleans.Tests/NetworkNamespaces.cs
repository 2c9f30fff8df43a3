using System.Diagnostics;
using System.Globalization;

namespace ParallelSum.Orleans.Tests;

/// <summary>
/// Linux network namespaces as separate hosts: one namespace per host, each with its own address on 10.200.0.0/24, wired
/// by veth pairs to a bridge that lives in a namespace of its own. Nothing is created in the test machine's namespace, so
/// traffic stays inside the namespaces; disposing deletes them all (and with them every veth and the bridge).
/// </summary>
internal sealed class NetworkNamespaces : IDisposable
{
    private readonly string _prefix = "ps" + Guid.NewGuid().ToString("N")[..6];
    private readonly List<string> _hosts = [];

    private NetworkNamespaces()
    {
    }

    private string Switch => _prefix + "-sw";

    /// <summary>Why these tests cannot run here, or null when they can (root, and the ip tool).</summary>
    public static string? Unavailable =>
        GetUid() != 0
            ? "network namespace tests need root (CI runs as root)"
            : !File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip")
                ? "network namespace tests need the ip tool (iproute2)"
                : null;

    /// <summary>Creates the switch and one namespace per host name, host i (from 1) at 10.200.0.i.</summary>
    public static NetworkNamespaces Create(params string[] hosts)
    {
        var namespaces = new NetworkNamespaces();
        try
        {
            Run("netns", "add", namespaces.Switch);
            Run("-n", namespaces.Switch, "link", "add", "br0", "type", "bridge");
            Run("-n", namespaces.Switch, "link", "set", "br0", "up");
            foreach (string host in hosts)
            {
                namespaces.Add(host);
            }

            return namespaces;
        }
        catch
        {
            namespaces.Dispose();
            throw;
        }
    }

    public string Address(string host) => "10.200.0." + (_hosts.IndexOf(host) + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Starts a process inside a host's namespace (ip netns exec replaces itself with it, so the process id is the program's).</summary>
    public SampleProcess Start(string host, params string[] command) => SampleProcess.Start("ip", ["netns", "exec", Name(host), .. command]);

    /// <summary>Cuts (false) or restores (true) a host's link to the bridge, on the bridge side.</summary>
    public void SetLink(string host, bool up) => Run("-n", Switch, "link", "set", "v" + (_hosts.IndexOf(host) + 1).ToString(CultureInfo.InvariantCulture), up ? "up" : "down");

    public void Dispose()
    {
        foreach (string ns in _hosts.Select(Name).Append(Switch))
        {
            TryRun("netns", "del", ns);
        }
    }

    private static uint GetUid()
    {
        // /proc/self/status: "Uid:\treal\teffective\t…"
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return line is null ? uint.MaxValue : uint.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private string Name(string host) => $"{_prefix}-{host}";

    private void Add(string host)
    {
        _hosts.Add(host);
        string ns = Name(host), veth = "v" + _hosts.Count.ToString(CultureInfo.InvariantCulture);
        Run("netns", "add", ns);
        Run("-n", Switch, "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns);
        Run("-n", Switch, "link", "set", veth, "master", "br0", "up");
        Run("-n", ns, "addr", "add", Address(host) + "/24", "dev", "eth0");
        Run("-n", ns, "link", "set", "eth0", "up");
        Run("-n", ns, "link", "set", "lo", "up");
    }

    private static void Run(params string[] arguments)
    {
        (int exit, string output) = TryRun(arguments);
        if (exit != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} failed with {exit}: {output}");
        }
    }

    private static (int Exit, string Output) TryRun(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process ip = Process.Start(start)!;
        string output = ip.StandardOutput.ReadToEnd() + ip.StandardError.ReadToEnd();
        if (!ip.WaitForExit(30_000))
        {
            ip.Kill();
            return (-1, "timed out after 30 s");
        }

        return (ip.ExitCode, output);
    }
}

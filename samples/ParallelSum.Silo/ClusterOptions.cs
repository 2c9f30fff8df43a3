using System.CommandLine;

namespace ParallelSum.Silo;

/// <summary>Command-line options shared by the silo and the client: how to find the cluster.</summary>
internal static class ClusterOptions
{
    public static readonly Option<string?> Redis = new("--redis")
    {
        Description = "Redis connection string (e.g. 127.0.0.1:6379) for cluster membership. Without it: Orleans localhost clustering (one machine).",
    };

    public static readonly Option<string> ClusterId = new("--cluster-id")
    {
        Description = "Orleans cluster id; every silo and client of one cluster uses the same.",
        DefaultValueFactory = _ => "parallelsum",
    };

    public static readonly Option<string> ServiceId = new("--service-id")
    {
        Description = "Orleans service id; every silo and client of one cluster uses the same.",
        DefaultValueFactory = _ => "parallelsum",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Redis);
        command.Options.Add(ClusterId);
        command.Options.Add(ServiceId);
    }
}

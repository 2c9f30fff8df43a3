using System.CommandLine;

namespace ParallelSum.Geo.Cli;

internal static class BenchCommand
{
    public static Command Create() => new("bench", "Not yet implemented.");
}

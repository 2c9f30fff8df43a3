using System.CommandLine;

namespace ParallelSum.Geo.Cli;

internal static class VerifyCommand
{
    public static Command Create() => new("verify", "Not yet implemented.");
}

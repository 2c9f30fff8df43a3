namespace ParallelSum.Experiment.CommandLine;

/// <summary>The program's exit codes, as docs/exit-codes.md states them for every sample program.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;

    /// <summary>The work failed, in whole or in part (a strategy or trial failed, strategies disagreed, an unexpected error).</summary>
    public const int WorkFailed = 1;

    /// <summary>Bad usage: an unknown command or option, a malformed or out-of-range value, a path that cannot be used.</summary>
    public const int BadUsage = 2;

    /// <summary>Cancelled by SIGINT (Ctrl+C) or SIGTERM before the work ended.</summary>
    public const int Cancelled = 130;

    /// <summary>The one line printed for bad usage: the problems, then where to read what is accepted.</summary>
    public static string UsageLine(IEnumerable<string> problems) =>
        $"error: {string.Join("; ", problems.Select(OneLine))} (see --help)";

    /// <summary><paramref name="text"/> with its line breaks and tabs folded into single spaces, so it prints as one line.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

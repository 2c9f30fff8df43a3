using System.Diagnostics;

namespace ParallelSum.Docs.Tests;

/// <summary>docs/exit-codes.md promises every program the same answer to a command line it cannot use: exit code 2 and one
/// line on stderr, naming what was wrong and ending with "(see --help)", before any work. Each program is run as a process,
/// as a user or a script runs it, with a few kinds of bad command line.</summary>
public sealed class ParseErrorTests
{
    // Sample programs live under samples/, command-line tools under tools/.
    private static readonly string[] ProgramFolders = ["samples", "tools"];

    public static TheoryData<string, string[]> BadCommandLines() => new()
    {
        { "ParallelSum.Experiment", ["--no-such-option"] },
        { "ParallelSum.Experiment", ["run", "--count", "abc"] },
        { "ParallelSum.Experiment", ["run", "--strategy", "sideways"] },
        { "ParallelSum.Experiment", ["run", "--count", "10", "--seed", "-1", "--max", "x"] },
        { "ParallelSum.Experiment", ["sweep", "--counts"] },
        { "ParallelSum.Experiment", ["plot"] },
        { "ParallelSum.Geo", ["convert", "--in", "/nope", "--out", "/tmp/unused-by-parse-error-tests"] },
        { "ParallelSum.Geo", ["convert", "--mode", "fast"] },
        { "ParallelSum.Geo", ["no-such-command"] },
        { "ParallelSum.Geo", ["generate", "--files", "0", "--skew", "0.5", "--out", "/tmp/unused-by-parse-error-tests"] },
        { "ParallelSum.Silo", ["--no-such-option"] },
        { "ParallelSum.Silo", ["--silo-port", "port"] },
        { "ParallelSum.Silo", ["sum", "--count", "1e6"] },
        { "ParallelSum.Silo", ["sum", "--count", "-5", "--max", "x"] },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void BadCommandLine_ExitsTwo_WithOneLineOnStderr(string program, string[] arguments)
    {
        (int exit, string stdout, string stderr) = Run(program, arguments);

        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        string shown = $"{program} {string.Join(' ', arguments)}: exit {exit}, stderr:\n{stderr}";
        Assert.True(exit == 2, shown);
        Assert.True(lines.Length == 1, shown);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("(see --help)", lines[0], StringComparison.Ordinal);
        Assert.True(stdout.Trim().Length == 0, $"{program} {string.Join(' ', arguments)} printed on stdout:\n{stdout}");
        Assert.False(Directory.Exists("/tmp/unused-by-parse-error-tests"), "a rejected command line must not start any work");
    }

    private static (int Exit, string Stdout, string Stderr) Run(string program, string[] arguments)
    {
        string dll = ProgramFolders
            .Select(top => Path.Combine(RepositoryFiles.Root, top, program, "bin", RepositoryFiles.Configuration, "net10.0", program + ".dll"))
            .First(File.Exists);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not end within 60 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

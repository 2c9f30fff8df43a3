using System.Diagnostics;

namespace ParallelSum.Experiment.Tests;

/// <summary>
/// Child processes end with their parent, whatever ends it: SIGKILL (nothing of the parent runs, so the kernel must do
/// it: PR_SET_PDEATHSIG), SIGINT and SIGTERM (the parent kills them and exits with 130). Each child here would run for
/// minutes (10^12 values) if left alone; each wait has a deadline and fails on it.
/// </summary>
public sealed class ProcessHygieneTests
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan EndDeadline = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("sweep", "trial")]
    [InlineData("run", "simd-chunks")]
    public async Task ParentKilledWithSigkill_ItsChildDiesToo(string command, string childPart)
    {
        using var folder = new TempFolder();
        using Process parent = ProgramRun.Start(LongWork(command, folder));
        int child = await ProcessTable.WaitForSettledChildAsync(parent.Id, childPart, StartDeadline);

        parent.Kill(); // SIGKILL, the parent alone
        bool ended = await ProcessTable.WaitForEndAsync(child, EndDeadline);

        if (!ended)
        {
            Process.GetProcessById(child).Kill();
        }

        Assert.True(ended, $"{command}'s child {child} ({ProcessTable.CommandLine(child)}) outlived its parent killed with SIGKILL");
    }

    [Theory]
    [InlineData("sweep", "trial", "INT", "sweep cancelled")]
    [InlineData("sweep", "trial", "TERM", "sweep cancelled")]
    [InlineData("run", "simd-chunks", "INT", "run cancelled")]
    [InlineData("run", "simd-chunks", "TERM", "run cancelled")]
    public async Task SignalToTheParentAlone_KillsItsChild_Exit130(string command, string childPart, string signal, string message)
    {
        using var folder = new TempFolder();
        using Process parent = ProgramRun.Start(LongWork(command, folder));
        Task<string> error = parent.StandardError.ReadToEndAsync();
        Task<string> output = parent.StandardOutput.ReadToEndAsync();
        int child = await ProcessTable.WaitForSettledChildAsync(parent.Id, childPart, StartDeadline);

        using (Process kill = Process.Start("kill", ["-" + signal, parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().WaitAsync(EndDeadline);
        }

        await parent.WaitForExitAsync().WaitAsync(EndDeadline);
        Assert.True(await ProcessTable.WaitForEndAsync(child, EndDeadline), $"child {child} outlived its parent's SIG{signal}");
        Assert.Equal(130, parent.ExitCode);
        Assert.Contains(message, await error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await error, StringComparison.Ordinal);
        if (command == "run")
        {
            // What had finished is printed: the strategies that failed at once, before simd-chunks was stopped.
            Assert.Contains("parallel-for", await output, StringComparison.Ordinal);
        }
    }

    private static string[] LongWork(string command, TempFolder folder) => command == "sweep"
        ? ["sweep", "--strategies", "streaming", "--counts", "1e12", "--large-counts", "none", "--repetitions", "1", "--no-plot", "--out", folder.Path]
        : ["run", "--count", "1e12"];
}

namespace ParallelSum.Experiment.Tests;

/// <summary>Bad options are refused before any work, with a message naming the option and what it accepts.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--strategies", "streaming,bogus", "'bogus' is not a strategy")]
    [InlineData("--counts", "1e3,0", "--counts: '0' is not accepted")]
    [InlineData("--large-counts", "lots", "--large-counts: 'lots' is not accepted")]
    [InlineData("--partitions", "0", "--partitions: '0' is not accepted")]
    [InlineData("--repetitions", "0", "--repetitions: '0' is not accepted; expected a whole number from 1 to 100")]
    [InlineData("--memory-limit", "4X", "--memory-limit: '4X' is not accepted")]
    [InlineData("--timeout", "0", "--timeout: '0' is not accepted; expected a number of seconds more than 0")]
    [InlineData("--min", "11", "--min (11) must not be greater than --max (10)")]
    public void Sweep_BadOption_ExitsNonZeroBeforeAnyWork(string option, string value, string message)
    {
        using var folder = new TempFolder();
        string output = Path.Combine(folder.Path, "out");

        (int exitCode, _, string error) = ProgramRun.Run("sweep", option, value, "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "no work (not even the output folder) before the options are valid");
    }

    [Fact]
    public void Run_MinAboveMax_ExitsNonZero()
    {
        (int exitCode, _, string error) = ProgramRun.Run("run", "--min", "5", "--max", "4");

        Assert.Equal(2, exitCode);
        Assert.Contains("--min (5) must not be greater than --max (4)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_MissingFile_ExitsNonZeroNamingIt()
    {
        (int exitCode, _, string error) = ProgramRun.Run("plot", "/nonexistent/sweep.jsonl");

        Assert.Equal(2, exitCode);
        Assert.Contains("'/nonexistent/sweep.jsonl' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_NoFiles_SaysWhatIsMissingAndHowToCallIt_InOneLine()
    {
        (int exitCode, string output, string error) = ProgramRun.Run("plot");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal(
            "error: plot: no results file given; call it as plot <sweep-*.jsonl>... [--out <folder>], e.g. plot artifacts/experiment/sweep-*.jsonl (see --help)",
            error.TrimEnd('\n'));
    }

    [Fact]
    public void Run_OneStrategy_PrintsTheExactSumAsJson()
    {
        (int exitCode, string output, _) = ProgramRun.Run("run", "--count", "1000000", "--strategy", "streaming", "--json");

        Assert.Equal(0, exitCode);
        Assert.Contains("\"sum\": \"5002298\"", output, StringComparison.Ordinal);
    }
}

using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>The child-process protocol, with real child processes of the experiment program.</summary>
public sealed class TrialProcessTests
{
    private static SweepSettings Settings(long? memoryLimit = null, double timeoutSeconds = 60) => new(
        ["streaming"], [1], [], [null], 2, 7, -5, 1000, memoryLimit, TimeSpan.FromSeconds(timeoutSeconds), "unused", Plot: false);

    [Fact]
    public async Task Trial_InChildProcess_ReportsTheExactSumAndItsMeasurements()
    {
        var request = new GenerateAndSumRequest(123_457, 7, -5, 1000);

        TrialResult result = await new TrialRunner(Settings(), "t").RunAsync(new TrialSpec("streaming", 123_457, 3), CancellationToken.None);

        Assert.Equal(TrialOutcome.Ok, result.Outcome);
        Assert.Equal(request.Stream.ReferenceSum(0, request.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), result.Sum);
        Assert.InRange(result.Workers, 1, 3);
        Assert.Equal(2, result.AllSeconds.Count);
        Assert.True(result.Seconds > 0);
        Assert.True(result.PeakWorkingSetBytes > 1 << 20);
        Assert.True(result.PeakManagedHeapBytes > 0);
        Assert.True(result.WallSeconds >= result.Seconds);
        Assert.Equal(3, result.Partitions);
        Assert.Equal((7UL, -5, 1000), (result.Seed, result.Min, result.Max));
    }

    [Fact]
    public async Task Trial_CountTooLargeForAList_IsUnsupportedNotACrash()
    {
        TrialResult result = await new TrialRunner(Settings(), "t").RunAsync(new TrialSpec("naive-list", 10_000_000_000, null), CancellationToken.None);

        Assert.Equal(TrialOutcome.Unsupported, result.Outcome);
        Assert.Contains("List<int>", result.Reason, StringComparison.Ordinal);
        Assert.Null(result.Sum);
    }

    [Fact]
    public async Task Trial_OverItsTimeBudget_IsKilledAndRecordedAsTimeout()
    {
        // 1e12 values take minutes; the budget is a second.
        TrialResult result = await new TrialRunner(Settings(timeoutSeconds: 1), "t").RunAsync(new TrialSpec("streaming", 1_000_000_000_000, null), CancellationToken.None);

        Assert.Equal(TrialOutcome.Timeout, result.Outcome);
        Assert.Null(result.Sum);
        Assert.InRange(result.WallSeconds, 1, 30);
    }

    [Fact]
    public async Task Trial_Cancelled_KillsTheChildAndThrows()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var runner = new TrialRunner(Settings(), "t");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(new TrialSpec("streaming", 1_000_000_000_000, null), cancel.Token));
    }

    [Fact]
    public async Task Trial_UnderSmallHeapCap_IsAMemoryErrorWithItsReason()
    {
        // 1e8 ints in a List<int> need 400 MB and more while it grows; the cap is 64 MB.
        TrialResult result = await new TrialRunner(Settings(memoryLimit: 64L << 20), "t").RunAsync(new TrialSpec("naive-list", 100_000_000, null), CancellationToken.None);

        Assert.Equal(TrialOutcome.MemoryError, result.Outcome);
        Assert.Contains("OutOfMemory", result.Reason, StringComparison.Ordinal);
        Assert.Equal(64L << 20, result.MemoryLimitBytes);
        Assert.Null(result.Sum);
        Assert.True(result.Seconds > 0, "the time to failure is kept");
    }

    [Theory]
    [InlineData(0, TrialOutcome.Ok)]
    [InlineData(TrialCommand.MemoryErrorExitCode, TrialOutcome.MemoryError)]
    public void Classify_WithReport_TakesTheReportsOutcome(int exitCode, string outcome)
    {
        var report = new TrialReport(outcome, null, "1", 1, [0.1], [0.1], 1, 1);

        Assert.Equal(outcome, TrialRunner.Classify(exitCode, report, "").Outcome);
    }

    [Fact]
    public void Classify_RuntimeFailFastForMemory_IsAMemoryError()
    {
        (string outcome, string? reason) = TrialRunner.Classify(134, null, "Fatal error. Out of memory.\nAborted");

        Assert.Equal(TrialOutcome.MemoryError, outcome);
        Assert.Contains("134", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_NoReport_IsACrashNamingExitCodeSignalAndError()
    {
        (string outcome, string? reason) = TrialRunner.Classify(139, null, "line 1\nSegmentation fault\n");

        Assert.Equal(TrialOutcome.Crash, outcome);
        Assert.Contains("exit code 139", reason, StringComparison.Ordinal);
        Assert.Contains("Segmentation fault", reason, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Contains("signal 11", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Classify_ReportWithUnexpectedExitCode_IsACrash() =>
        Assert.Equal(TrialOutcome.Crash, TrialRunner.Classify(1, new TrialReport(TrialOutcome.Ok, null, "1", 1, [0.1], [0.1], 1, 1), "boom").Outcome);

    [Fact]
    public void ParseReport_TakesTheLastLine_AndNullForNoise()
    {
        Assert.Equal("5", TrialRunner.ParseReport("warming up\n{\"outcome\":\"ok\",\"sum\":\"5\",\"workers\":1,\"seconds\":[],\"cpuSeconds\":[],\"peakWorkingSetBytes\":1,\"peakManagedHeapBytes\":1}\n")?.Sum);
        Assert.Null(TrialRunner.ParseReport("Unhandled exception.\n"));
        Assert.Null(TrialRunner.ParseReport(""));
    }
}

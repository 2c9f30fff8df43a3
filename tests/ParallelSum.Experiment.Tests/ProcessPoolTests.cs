using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParallelSum.Experiment.Pool;
using ParallelSum.Experiment.Strategies;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>
/// The process pool, with real worker processes: its sum is the reference sum at every pool size and share layout, a
/// worker that fails or is killed fails the call with its reason (never a partial sum), and the per-process memory cap
/// reaches every worker. Every wait has a deadline.
/// </summary>
public sealed class ProcessPoolTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static TheoryData<string, int, long, long, int, int> Requests => new()
    {
        // strategy, processes, start, count, min, max
        { "naive-list", 1, 0, 100_003, 0, 10 },
        { "naive-list", 3, 17, 1_000_001, -5, 1000 },
        { "naive-list", 4, 0, 3, 0, 10 }, // more workers than values: one share is empty
        { "streaming", 7, 123_456_789_012, 777_777, int.MinValue, int.MaxValue }, // the full int range: negative partial sums
        { "simd-chunks", 2, long.MaxValue - 1_000_000, 1_000_000, -1, 1 }, // the stream's last indices
        { "auto", 2, 0, 0, 0, 10 }, // nothing to sum: every share empty
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Pool_SumIsTheReferenceSum(string strategy, int processes, long start, long count, int min, int max)
    {
        var request = new GenerateAndSumRequest(count, 20261210, min, max, startIndex: start);

        PoolRun run = await ProcessPool.RunAsync(request, strategy, processes).WaitAsync(Deadline);

        Assert.Equal(request.Stream.ReferenceSum(start, count), run.Sum);
        Assert.Equal(processes, run.Workers.Count);
        Assert.Equal(PoolShare.Split(start, count, processes), run.Workers.Select(w => w.Share));
        Assert.All(run.Workers, w => Assert.Equal(request.Stream.ReferenceSum(w.Share.Start, w.Share.Count), w.Sum));
        Assert.All(run.Workers, w => Assert.True(w.PeakWorkingSetBytes > 1 << 20 && w.ProcessCpuSeconds > 0));
        Assert.True(run.Elapsed >= run.SlowestWorkerElapsed, "the pool's time includes its slowest worker's");
    }

    [Theory]
    [InlineData(0L, 0L, 1)]
    [InlineData(0L, 10L, 3)]
    [InlineData(5L, 2L, 4)]
    [InlineData(long.MaxValue - 7, 7L, 64)]
    [InlineData(1L, long.MaxValue - 1, 64)]
    public void Split_CoversEveryIndexOnce_InSharesThatDifferByAtMostOne(long start, long count, int processes)
    {
        IReadOnlyList<PoolShare> shares = PoolShare.Split(start, count, processes);

        Assert.Equal(processes, shares.Count);
        Assert.Equal(start, shares[0].Start);
        Assert.All(shares.Zip(shares.Skip(1)), pair => Assert.Equal(pair.First.Start + pair.First.Count, pair.Second.Start));
        Assert.Equal(start + count, shares[^1].Start + shares[^1].Count);
        Assert.InRange(shares.Max(s => s.Count) - shares.Min(s => s.Count), 0, 1);
        Assert.True(shares.Zip(shares.Skip(1)).All(pair => pair.First.Count >= pair.Second.Count), "the larger shares come first");
    }

    [Fact]
    public async Task Pool_AWorkerThatRefusesItsShare_FailsTheCallWithItsReason()
    {
        var request = new GenerateAndSumRequest(5_000_000_000, 42);

        var failure = await Assert.ThrowsAsync<PoolWorkerFailedException>(() => ProcessPool.RunAsync(request, "naive-list", 2).WaitAsync(Deadline));

        Assert.Equal(TrialOutcome.Unsupported, failure.Outcome);
        Assert.StartsWith("worker ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("of 2 (values [", failure.Message, StringComparison.Ordinal);
        Assert.Contains("List<int>", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pool_AWorkerKilled_FailsTheCallWithItsSignal_AndTheOtherWorkersEnd()
    {
        // 1e12 values take each worker minutes: the call can only end through the killed worker.
        const ulong seed = 3141592653;
        Task<PoolRun> call = ProcessPool.RunAsync(new GenerateAndSumRequest(1_000_000_000_000, seed), "streaming", 3);
        int[] workers = await WorkersAsync(Environment.ProcessId, $"--seed {seed}", 3);

        Process.GetProcessById(workers[1]).Kill();
        var failure = await Assert.ThrowsAsync<PoolWorkerFailedException>(() => call.WaitAsync(Deadline));

        Assert.Equal(TrialOutcome.Crash, failure.Outcome);
        Assert.Matches(@"^worker [123] of 3 \(values \[\d+, \d+\)\): exit code 137, signal 9", failure.Message);
        foreach (int worker in workers)
        {
            Assert.True(await ProcessTable.WaitForEndAsync(worker, TimeSpan.FromSeconds(30)), $"worker {worker} outlived the failed call");
        }
    }

    [Fact]
    public async Task Run_APoolWhoseWorkerIsKilled_ReportsTheStrategyFailedWithTheReason_NoSum()
    {
        using Process run = ProgramRun.Start("run", "--strategy", "streaming/pool2", "--count", "1e12", "--seed", "2718281828", "--json");
        Task<string> output = run.StandardOutput.ReadToEndAsync(), error = run.StandardError.ReadToEndAsync();
        int[] workers = await WorkersAsync(run.Id, "--seed 2718281828", 2);

        Process.GetProcessById(workers[0]).Kill();
        await run.WaitForExitAsync().WaitAsync(Deadline);

        Assert.Equal(1, run.ExitCode);
        StrategyRun result = Assert.Single(JsonSerializer.Deserialize<StrategyRun[]>(await output)!);
        Assert.Null(result.Sum);
        Assert.Contains("signal 9", result.Error, StringComparison.Ordinal);
        Assert.Equal("error: 1 of 1 strategies failed: streaming/pool2.", (await error).Trim());
        Assert.True(await ProcessTable.WaitForEndAsync(workers[1], TimeSpan.FromSeconds(30)), "the other worker outlived the failed call");
    }

    [Fact]
    public async Task PoolParentKilledWithSigkill_ItsWorkersDieToo()
    {
        using Process run = ProgramRun.Start("run", "--strategy", "streaming/pool2", "--count", "1e12", "--seed", "1414213562");
        int[] workers = await WorkersAsync(run.Id, "--seed 1414213562", 2);

        run.Kill(); // SIGKILL, the pool's process alone

        foreach (int worker in workers)
        {
            Assert.True(await ProcessTable.WaitForEndAsync(worker, TimeSpan.FromSeconds(30)), $"worker {worker} outlived its pool's process");
        }
    }

    [Fact]
    public async Task Trial_PerProcessCap_ReachesEveryWorker_OneProcessFailsWhereAPoolOfFourFits()
    {
        // Under a 64 MiB heap cap a List<int> of 1.6e7 values (capacity 2^24: 64 MiB) cannot be built in one process,
        // while four workers with 4e6 each (capacity 2^22) fit; with 6.4e7, each worker's 1.6e7 fails in the worker.
        var settings = new SweepSettings(["naive-list"], [1], [], [null], 1, 42, 0, 10, 64L << 20, Deadline, "unused", Plot: false);
        var runner = new TrialRunner(settings, "t");

        TrialResult single = await runner.RunAsync(new TrialSpec("naive-list", 16_000_000, null), CancellationToken.None);
        TrialResult pool = await runner.RunAsync(new TrialSpec("naive-list", 16_000_000, null, Processes: 4), CancellationToken.None);
        TrialResult poolAtFourTimes = await runner.RunAsync(new TrialSpec("naive-list", 64_000_000, null, Processes: 4), CancellationToken.None);

        Assert.Equal(TrialOutcome.MemoryError, single.Outcome);
        Assert.Equal(TrialOutcome.Ok, pool.Outcome);
        Assert.Equal(new RandomStream(42).ReferenceSum(0, 16_000_000).ToString(CultureInfo.InvariantCulture), pool.Sum);
        Assert.Equal(4, pool.Processes);
        Assert.Equal(64L << 20, pool.MemoryLimitBytes);
        Assert.True(pool.PeakWorkingSetBytes > pool.LargestProcessPeakBytes, "a pool's peak adds its workers' peaks");
        Assert.Equal(TrialOutcome.MemoryError, poolAtFourTimes.Outcome);
        Assert.Matches(@"^worker [1-4] of 4 \(values \[\d+, \d+\)\): OutOfMemoryException", poolAtFourTimes.Reason);
    }

    [Theory]
    [InlineData("naive-list", "naive-list", null)]
    [InlineData("naive-list/pool4", "naive-list", 4)]
    [InlineData("streaming/pool64", "streaming", 64)]
    public void StrategyChoice_ReadsNamesAndPools(string text, string strategy, int? processes)
    {
        Assert.True(StrategyChoice.TryParse(text, out StrategyChoice choice));
        Assert.Equal(new StrategyChoice(strategy, processes), choice);
        Assert.Equal(text, choice.Name);
    }

    [Fact]
    public void StrategyChoice_PoolWithoutASize_HasOneProcessPerCore() =>
        Assert.Equal(Math.Min(Environment.ProcessorCount, ProcessPool.MaxProcesses), StrategyChoice.Parse("naive-list/pool").Processes);

    [Theory]
    [InlineData("bogus")]
    [InlineData("naive-list/pool0")]
    [InlineData("naive-list/pool65")]
    [InlineData("naive-list/pool04")]
    [InlineData("naive-list/pool+4")]
    [InlineData("naive-list/poolx")]
    [InlineData("naive-list/pool4/pool2")]
    [InlineData("/pool4")]
    [InlineData("")]
    public void StrategyChoice_RefusesWhatItDoesNotName(string text) => Assert.False(StrategyChoice.TryParse(text, out _));

    private static async Task<int[]> WorkersAsync(int parent, string commandLinePart, int expected)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            int[] workers = [.. ProcessTable.ChildrenOf(parent).Where(c => ProcessTable.CommandLine(c) is string line
                && line.Contains(PoolWorkerCommand.Name, StringComparison.Ordinal) && line.Contains(commandLinePart, StringComparison.Ordinal))];
            if (workers.Length == expected)
            {
                return workers;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }
}

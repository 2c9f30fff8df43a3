using System.Collections.Concurrent;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Reduction;

/// <summary>
/// <see cref="ParallelReduction"/> at the edges its docs name: grains cut by the partitioner's ranges, refusals thrown before
/// an asynchronous call starts, an already canceled token, progress for a count of 0, and the asynchronous form's result.
/// </summary>
public class ReductionEdgeTests
{
    [Fact]
    public void Grains_AreWhole_EvenWhereThePartitionersRangesCutThem()
    {
        // Ranges of 1000 cut grains of 4096 in the middle: each grain still runs once, whole, where it starts.
        var grains = new ConcurrentBag<IndexRange>();
        var options = new ParallelRunOptions { Partitioner = IndexRangePartitioners.DynamicChunks(1000), MaxDegreeOfParallelism = 3 };

        long total = ParallelReduction.Reduce(10_000, 4096, 0L, range => { grains.Add(range); return range.Length; }, (a, b) => a + b, options);

        Assert.Equal(10_000, total);
        Assert.Equal([new IndexRange(0, 4096), new IndexRange(4096, 8192), new IndexRange(8192, 10_000)], grains.OrderBy(g => g.Start));
    }

    [Fact]
    public void ReduceAsync_RefusesBadArgumentsBeforeReturningATask()
    {
        Assert.Throws<ArgumentOutOfRangeException>("count", () => { _ = ParallelReduction.ReduceAsync(-1, 1, 0, _ => 0, (a, b) => a + b); });
        Assert.Throws<ArgumentNullException>("body", () => { _ = ParallelReduction.ReduceAsync(1, 1, 0, null!, (a, b) => a + b); });
        Assert.Throws<ArgumentNullException>("combine", () => { _ = ParallelReduction.ReduceAsync(1, 1, 0, _ => 0, null!); });
        Assert.Throws<ArgumentOutOfRangeException>("grainSize", () => { _ = ParallelReduction.ReduceAsync(1, -5, 0, _ => 0, (a, b) => a + b); });
        Assert.Throws<ArgumentException>("options", () => { _ = ParallelReduction.ReduceAsync(1, 1, 0, _ => 0, (a, b) => a + b, new ParallelRunOptions { MaxDegreeOfParallelism = -7 }); });
    }

    [Fact]
    public async Task ReduceAsync_WithAnAlreadyCanceledToken_IsCanceled_WithoutCallingTheBody()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        int calls = 0;

        Task<long> task = ParallelReduction.ReduceAsync(1000, 10, 0L, r => { Interlocked.Increment(ref calls); return r.Length; }, (a, b) => a + b, cancellationToken: cts.Token);

        await Deadline.Ended(task);
        Assert.True(task.IsCanceled, $"ended {task.Status}");
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Reduce_WithAnAlreadyCanceledToken_Throws_WithoutCallingTheBody()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        int calls = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => ParallelReduction.Reduce(1000, 10, 0L, r => { calls++; return r.Length; }, (a, b) => a + b, cancellationToken: cts.Token));
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task ReduceAsync_GivesTheSameBitsAsReduce()
    {
        double[] values = Enumerable.Range(0, 5000).Select(i => Math.Pow(-1.7, i % 60) / (i + 1)).ToArray();
        double Body(IndexRange r) => values.AsSpan((int)r.Start, (int)r.Length).ToArray().Sum();

        double sync = ParallelReduction.Reduce(values.Length, 7, 0.0, Body, (a, b) => a + b);
        double async = await ParallelReduction.ReduceAsync(values.Length, 7, 0.0, Body, (a, b) => a + b).WaitAsync(Deadline.Default);

        Assert.Equal(BitConverter.DoubleToInt64Bits(sync), BitConverter.DoubleToInt64Bits(async));
    }

    [Fact]
    public void Progress_OfACountOfZero_IsReportedOnceAsZero()
    {
        var reports = new List<long>();

        int result = ParallelReduction.Reduce(0, 1, 5, _ => 1, (a, b) => a + b, progress: new Callback(reports.Add));

        Assert.Equal(5, result);
        Assert.Equal([0L], reports);
    }

    [Fact]
    public void Progress_EndsAtTheIndexCount_NotTheGrainCount()
    {
        var reports = new ConcurrentQueue<long>();

        ParallelReduction.Reduce(1000, 10, 0, r => (int)r.Length, (a, b) => a + b, progress: new Callback(reports.Enqueue));

        Assert.Equal(1000, reports.Last());
    }

    [Fact]
    public void OneGrain_IsTheResult_WithoutCombining()
    {
        int result = ParallelReduction.Reduce(5, 5, -1, r => (int)r.Length * 10, (a, b) => throw new InvalidOperationException("nothing to combine"));

        Assert.Equal(50, result);
    }

    [Fact]
    public void Combine_TakesTheLeftPartFirst()
    {
        string result = ParallelReduction.Reduce(26, 1, string.Empty, r => ((char)('a' + r.Start)).ToString(), string.Concat, new ParallelRunOptions { Partitioner = IndexRangePartitioners.DynamicChunks(1), MaxDegreeOfParallelism = 4 });

        Assert.Equal("abcdefghijklmnopqrstuvwxyz", result);
    }

    private sealed class Callback(Action<long> onReport) : IProgress<long>
    {
        public void Report(long value) => onReport(value);
    }
}

using System.Collections.Concurrent;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Execution;

/// <summary>
/// The engine's helpers hand a partition back when their time slice is over and other work waits in the thread pool (here
/// the pool is made to look busy): the partition goes on, with its state, wherever it is taken up again, and nothing is
/// lost or run twice. Also how a run reports its width, and which failure it reports.
/// </summary>
public class EngineHandBackTests
{
    [Fact]
    public void AHelper_WhoseSliceIsOver_WhileWorkWaits_HandsItsPartitionBack_AndItsStateGoesOn()
    {
        // Two partitions of 200 one-index steps of about 1 ms each. The caller's first step waits until a helper has run
        // one, so both run at once; the helper's slice is over after 20 ms, at its next progress update (every 64 steps),
        // and the pool always looks busy, so it must hand back.
        const long Count = 400;
        using var handshake = new HelperHandshake();
        var runs = new ConcurrentDictionary<long, int>();
        var finals = new ConcurrentBag<long>();
        IndexRangePartitioner partitioner = IndexRangePartitioners.StaticBlocks();
        var run = new RangeLoopRun<long>(
            partitioner.GetPartitions(Count, 2), 2, partitioner.Name, new CoverageTracker(Count, partitioner.Name), 1,
            () => 0L,
            (step, sum) =>
            {
                runs.AddOrUpdate(step.Start, 1, (_, n) => n + 1);
                handshake.Step();
                Thread.Sleep(1);
                return sum + step.Start;
            },
            finals.Add,
            null,
            CancellationToken.None,
            pendingWorkItems: () => 1);

        RangeLoopSummary summary = run.Execute();

        Assert.True(run.HandBacks >= 1, "no partition was handed back");
        Assert.Equal(Count, runs.Count);
        Assert.All(runs.Values, n => Assert.Equal(1, n));
        // Each partition's state went on across its hand-backs: one final state per partition, the sum of its starts.
        Assert.Equal(new long[] { 199 * 200 / 2, (200 + 399) * 200 / 2 }, finals.Order());
        Assert.Equal(2, summary.WorkerCount);
        Assert.Equal(2, summary.RangeCount);
    }

    [Fact]
    public void WithNothingElseWaiting_AHelperKeepsItsPartitionPastItsSlice()
    {
        const long Count = 200;
        using var handshake = new HelperHandshake();
        int asked = 0;
        IndexRangePartitioner partitioner = IndexRangePartitioners.StaticBlocks();
        var run = new RangeLoopRun<int>(
            partitioner.GetPartitions(Count, 2), 2, partitioner.Name, new CoverageTracker(Count, partitioner.Name), 1,
            () => 0,
            (step, n) =>
            {
                handshake.Step();
                Thread.Sleep(1);
                return n + 1;
            },
            _ => { },
            null,
            CancellationToken.None,
            pendingWorkItems: () =>
            {
                Interlocked.Increment(ref asked);
                return 0;
            });

        run.Execute();

        // The helper ran past its slice (100 steps of about 1 ms, progress every 64) and asked the pool at least once.
        Assert.True(Volatile.Read(ref asked) >= 1, "the helper never asked whether work waits");
        Assert.Equal(0, run.HandBacks);
    }

    [Fact]
    public void ABodyThatThrows_AfterTheCallerCanceled_IsReportedWithItsOwnException()
    {
        // As Parallel.For does: an exception from the body wins over the cancellation it may have raced with.
        using var cts = new CancellationTokenSource();
        var failure = new IOException("disk");

        IOException e = Assert.Throws<IOException>(() => RangeLoop.Run(10, 1, new ParallelRunOptions { MaxDegreeOfParallelism = 1 }, () => 0, (step, n) =>
        {
            cts.Cancel();
            throw failure;
        }, _ => { }, null, cts.Token));

        Assert.Same(failure, e);
    }

    [Fact]
    public void ALocalFinallyThatThrows_FailsTheRun()
    {
        var failure = new InvalidOperationException("release");

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => RangeLoop.Run(10, 1, new ParallelRunOptions { MaxDegreeOfParallelism = 1 }, () => 0, (step, n) => n + 1, _ => throw failure, null, CancellationToken.None));

        Assert.Same(failure, e);
    }
}

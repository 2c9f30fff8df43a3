using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Execution;

/// <summary>
/// How the engine runs and stops: steps on the grid, one partition per worker, the calling thread able to finish alone, helpers
/// handing partitions back, the caller's execution context on every worker, every state released once, a canceled run that
/// reads no more of the partitioner, a failure that stops the others, and where the workers run.
/// </summary>
public class EngineStopAndSchedulingTests
{
    [Theory]
    [InlineData(0L, 1L)]
    [InlineData(10L, 3L)]
    [InlineData(1000L, 7L)]
    [InlineData(1000L, 1000L)]
    [InlineData(long.MaxValue, long.MaxValue)]
    [InlineData(long.MaxValue, (long.MaxValue / 2) + 1)]
    public void Steps_LieOnTheGrid_AndCoverEveryIndexOnce_UpToLongMaxValue(long count, long stepLength)
    {
        var steps = new ConcurrentBag<IndexRange>();
        var options = new ParallelRunOptions { Partitioner = new Partitioning.RoundRobinBlocksPartitioner((count / 5) + 1), MaxDegreeOfParallelism = 3 };

        RangeLoop.Run(count, stepLength, options, () => 0, (step, local) => { steps.Add(step); return local; }, _ => { }, null, CancellationToken.None);

        long next = 0;
        foreach (IndexRange step in steps.OrderBy(s => s.Start))
        {
            Assert.Equal(next, step.Start);
            Assert.InRange(step.Length, 1, stepLength);
            // A step never crosses a multiple of the step length.
            Assert.True(step.End - (step.Start / stepLength * stepLength) <= stepLength, $"{step} crosses the grid of {stepLength}");
            next = step.End;
        }

        Assert.Equal(count, next);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(ParallelRunOptions.MaxWorkerCount)]
    public void EveryPartitionState_IsMadeAndReleasedOnce_AndHoldsItsOwnSteps(int workers)
    {
        var made = new ConcurrentBag<StrongBox>();
        var released = new ConcurrentBag<StrongBox>();
        long total = 0;

        RangeLoopSummary run = RangeLoop.Run(
            100_000,
            1000,
            new ParallelRunOptions { MaxDegreeOfParallelism = workers },
            () => { var box = new StrongBox(); made.Add(box); return box; },
            (step, box) => { box.Value += step.Length; return box; },
            box => { released.Add(box); Interlocked.Add(ref total, box.Value); },
            null,
            CancellationToken.None);

        Assert.Equal(100_000, total);
        Assert.Equal(workers, made.Count);
        Assert.Equal(made.OrderBy(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode), released.OrderBy(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode));
        Assert.Equal(released.Count, released.Distinct().Count());
        Assert.InRange(run.WorkerCount, 1, workers);
        Assert.Equal(Math.Min(workers, 100_000), run.RangeCount);
    }

    [Fact]
    public void AfterAFailure_EveryStartedState_IsStillReleased()
    {
        int made = 0, released = 0;
        var e = Assert.Throws<InvalidCastException>(() => RangeLoop.Run(
            1_000_000,
            100,
            new ParallelRunOptions { MaxDegreeOfParallelism = 8, Partitioner = IndexRangePartitioners.DynamicChunks(1000) },
            () => Interlocked.Increment(ref made),
            (step, local) => step.Start >= 500_000 ? throw new InvalidCastException("step failed") : local,
            _ => Interlocked.Increment(ref released),
            null,
            CancellationToken.None));

        Assert.Equal("step failed", e.Message);
        Assert.Equal(made, released);
    }

    [Fact]
    public void TheCallingThread_TakesPartInTheWork()
    {
        // (That it can finish the whole run alone, with no pool thread free, is checked in a process of its own:
        // SchedulingAttackTests.)
        // Helpers wait in their step until the caller has run one, so they cannot take every partition first on a busy
        // machine: at most 63 helpers exist for 64 partitions, and each holds the one it waits in.
        int caller = Environment.CurrentManagedThreadId;
        var threads = new ConcurrentDictionary<int, int>();
        using var callerRan = new ManualResetEventSlim();

        RangeLoop.Run(64, 1, new ParallelRunOptions { MaxDegreeOfParallelism = 64 }, () => 0, (step, local) =>
        {
            threads.AddOrUpdate(Environment.CurrentManagedThreadId, 1, (_, n) => n + 1);
            if (Environment.CurrentManagedThreadId == caller)
            {
                callerRan.Set();
            }
            else
            {
                callerRan.Wait(Deadline.Default);
            }

            return local;
        }, _ => { }, null, CancellationToken.None);

        Assert.Equal(64, threads.Values.Sum());
        Assert.Contains(caller, threads.Keys);
    }

    [Fact]
    public void AHelper_HandsItsPartitionBack_AfterItsTimeSlice_AndNothingIsLostOrRunTwice()
    {
        // Two partitions of 400 steps; each step of partition 1 sleeps 1 ms, so a helper running it passes several time
        // slices. Every step must run exactly once whoever resumes the partition.
        var runs = new ConcurrentDictionary<long, int>();
        var threadsOfPartitionOne = new ConcurrentDictionary<int, bool>();
        RangeLoop.Run(800, 1, new ParallelRunOptions { MaxDegreeOfParallelism = 2 }, () => 0, (step, local) =>
        {
            runs.AddOrUpdate(step.Start, 1, (_, n) => n + 1);
            if (step.Start >= 400)
            {
                threadsOfPartitionOne[Environment.CurrentManagedThreadId] = true;
                Thread.Sleep(1);
            }

            return local;
        }, _ => { }, null, CancellationToken.None);

        Assert.Equal(800, runs.Count);
        Assert.All(runs.Values, n => Assert.Equal(1, n));
        Assert.NotEmpty(threadsOfPartitionOne);
    }

    [Fact]
    public void ASlice_IsOver_OnlyOnceItHasPassed_AndOtherWorkWaitsInThePool()
    {
        const long end = 1_000;
        int asked = 0;
        long waiting = 0;
        Func<long> pending = () =>
        {
            asked++;
            return waiting;
        };

        // Before the slice ends the pool is not even asked.
        long sliceEnd = end;
        Assert.False(RangeLoopRun<int>.SliceOver(ref sliceEnd, end - 1, pending));
        Assert.Equal(0, asked);
        Assert.Equal(end, sliceEnd);

        // Once it has passed, with work waiting: over, and the slice is left as it was.
        waiting = 1;
        Assert.True(RangeLoopRun<int>.SliceOver(ref sliceEnd, end, pending));
        Assert.Equal(1, asked);
        Assert.Equal(end, sliceEnd);

        // With nothing waiting: not over, and a new slice starts from now.
        waiting = 0;
        Assert.False(RangeLoopRun<int>.SliceOver(ref sliceEnd, end + 5, pending));
        Assert.Equal(end + 5 + RangeLoopRun<int>.TimeSlice, sliceEnd);
        Assert.False(RangeLoopRun<int>.SliceOver(ref sliceEnd, end + 6, pending));
        Assert.Equal(2, asked);
    }

    [Fact]
    public async Task Helpers_RunUnderTheCallersCultureAndAsyncLocals()
    {
        var local = new AsyncLocal<string>();
        var seen = new ConcurrentBag<(string? Local, string Separator)>();
        await Task.Run(() =>
        {
            local.Value = "caller";
            // A culture of the caller's own (this build has only the invariant culture's data): a comma for decimals.
            var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            culture.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = culture;
            ParallelReduction.Reduce(64, 1, 0, range =>
            {
                seen.Add((local.Value, 0.5.ToString(CultureInfo.CurrentCulture)));
                Thread.Sleep(2); // long enough for helpers to take grains
                return 1;
            }, (a, b) => a + b, new ParallelRunOptions { MaxDegreeOfParallelism = 4, Partitioner = IndexRangePartitioners.DynamicChunks(1) });
        });

        Assert.Equal(64, seen.Count);
        Assert.All(seen, s => Assert.Equal(("caller", "0,5"), s));
    }

    [Fact]
    public void WithTheFlowSuppressed_HelpersStillWork_WithoutTheCallersAsyncLocals()
    {
        // Under ExecutionContext.SuppressFlow there is no context to carry: helpers run with the pool's default one, as
        // Parallel.For's tasks do. The caller's first step waits until a helper has run one, so a helper must work.
        var local = new AsyncLocal<string>();
        using var handshake = new HelperHandshake();
        var seenByHelpers = new ConcurrentBag<string?>();
        int steps = 0;
        local.Value = "caller";
        using (ExecutionContext.SuppressFlow())
        {
            RangeLoop.Run(64, 1, new ParallelRunOptions { MaxDegreeOfParallelism = 2, Partitioner = IndexRangePartitioners.DynamicChunks(1) }, () => 0, (step, state) =>
            {
                Interlocked.Increment(ref steps);
                if (handshake.Step())
                {
                    seenByHelpers.Add(local.Value);
                }

                return state;
            }, _ => { }, null, CancellationToken.None);
        }

        Assert.Equal(64, steps);
        Assert.NotEmpty(seenByHelpers);
        Assert.All(seenByHelpers, Assert.Null);
    }

    [Fact]
    public void AlreadyCanceledToken_DoesNotCallThePartitioner()
    {
        var partitioner = new Recording();

        Assert.Throws<OperationCanceledException>(() => new StreamingStrategy(new ParallelRunOptions { Partitioner = partitioner }).GenerateAndSum(new GenerateAndSumRequest(100, 1), cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(0, partitioner.Calls);
    }

    [Fact]
    public void CanceledDuringARange_TheNextRangeIsNeverRead()
    {
        // One worker, one partition of three ranges of 100; the body cancels the call in the first one. The second must not
        // be read: it is the partitioner's code, and the caller has asked for no more work.
        using var cts = new CancellationTokenSource();
        var partitioner = new Recording();

        var e = Assert.Throws<OperationCanceledException>(() => RangeLoop.Run(
            300, 10, new ParallelRunOptions { Partitioner = partitioner, MaxDegreeOfParallelism = 1 }, () => 0,
            (step, local) =>
            {
                if (step.End == 100)
                {
                    cts.Cancel();
                }

                return local;
            },
            _ => { }, null, cts.Token));

        Assert.Equal(cts.Token, e.CancellationToken);
        Assert.Equal(1, partitioner.RangesRead);
    }

    [Fact]
    public async Task FirstFailure_StopsAWorkerOnAnEndlessPartition()
    {
        // Partition 0 fails after its first range; partition 1 never ends on its own. Without the stop, its worker would run forever.
        var strategy = new StreamingStrategy(new ParallelRunOptions { Partitioner = new FailingBesideEndless(), MaxDegreeOfParallelism = 2 });

        Task<GenerateAndSumResult> task = Deadline.Within(() => Task.FromResult(strategy.GenerateAndSum(new GenerateAndSumRequest(100, 1))));
        var e = await Assert.ThrowsAsync<InvalidPartitioningException>(() => task);

        Assert.IsType<InvalidCastException>(e.InnerException);
        Assert.Equal(nameof(FailingBesideEndless), e.PartitionerName);
    }

    [Fact]
    public void BodyThrowingItsOwnCancellation_AfterTheCallerCanceled_IsReportedWithTheCallersToken()
    {
        using var cts = new CancellationTokenSource();

        var e = Assert.ThrowsAny<OperationCanceledException>(() => ParallelReduction.Reduce(
            10_000,
            10_000,
            0L,
            range =>
            {
                cts.Cancel();
                throw new OperationCanceledException("the body's own");
            },
            (a, b) => a + b,
            cancellationToken: cts.Token));

        Assert.Equal(cts.Token, e.CancellationToken);
    }

    [Fact]
    public void BodyThrowingACancellationOfAnotherToken_IsAFailure_RethrownUnchanged()
    {
        using var other = new CancellationTokenSource();
        other.Cancel();

        var e = Assert.ThrowsAny<OperationCanceledException>(() => ParallelReduction.Reduce(10, 1, 0L, _ => throw new OperationCanceledException("its own", other.Token), (a, b) => a + b));

        Assert.Equal(other.Token, e.CancellationToken);
    }

    [Fact]
    public async Task SmallRequest_CanceledWhileRunningInline_GivesACanceledTask_NotAFaultedOne()
    {
        // Below the synchronous limit the call runs on the calling thread; the partitioner cancels the caller's token while
        // it runs. The task is canceled, as a thread-pool run would be.
        using var cts = new CancellationTokenSource();
        var strategy = new StreamingStrategy(new ParallelRunOptions { Partitioner = new Recording(onPartition: cts.Cancel) });

        Task<GenerateAndSumResult> task = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(100, 1), cancellationToken: cts.Token);

        Assert.True(task.IsCompleted);
        Assert.True(task.IsCanceled, $"status {task.Status}");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public void BelowTheSynchronousLimit_AFailureFaultsTheTask_ItIsNotThrown()
    {
        var strategy = new StreamingStrategy(new ParallelRunOptions { Partitioner = new Recording(partitions: 5), MaxDegreeOfParallelism = 2 });

        Task<GenerateAndSumResult> task = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(10, 5));

        Assert.True(task.IsFaulted, $"ended {task.Status}");
        Assert.IsType<InvalidPartitioningException>(task.Exception!.InnerException);
    }

    [Fact]
    public void NullPartition_IsRefusedNamingIt()
    {
        var strategy = new StreamingStrategy(new ParallelRunOptions { Partitioner = new Recording(nullPartition: 1), MaxDegreeOfParallelism = 2 });

        var e = Assert.Throws<InvalidPartitioningException>(() => strategy.GenerateAndSum(new GenerateAndSumRequest(100, 1)));

        Assert.Contains("returned null as partition 1; every partition must be a sequence of ranges.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullPartitionList_IsRefusedNamingIt()
    {
        var strategy = new StreamingStrategy(new ParallelRunOptions { Partitioner = new Recording(nullList: true), MaxDegreeOfParallelism = 2 });

        var e = Assert.Throws<InvalidPartitioningException>(() => strategy.GenerateAndSum(new GenerateAndSumRequest(100, 1)));

        Assert.Contains("returned null from GetPartitions(100, 2)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowingPartitioner_IsNamedWithTheExceptionTypeAndMessage()
    {
        var strategy = new StreamingStrategy(new ParallelRunOptions { Partitioner = new Recording(throwOnPartition: true) });

        var e = Assert.Throws<InvalidPartitioningException>(() => strategy.GenerateAndSum(new GenerateAndSumRequest(100, 1)));

        Assert.Equal("Partitioner 'recording': threw FormatException: no partition today", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void BlankPartitionerName_IsReplacedByItsTypeName(string? name)
    {
        GenerateAndSumResult result = new StreamingStrategy(new ParallelRunOptions { Partitioner = new Recording(name: name) }).GenerateAndSum(new GenerateAndSumRequest(1000, 5));

        Assert.Equal(nameof(Recording), result.Partitioner);
        Assert.Equal(new RandomStream(5).ReferenceSum(0, 1000), result.Sum);
    }

    [Fact]
    public void PartitionerName_IsReportedAsGiven() =>
        Assert.Equal(" spaced ", new StreamingStrategy(new ParallelRunOptions { Partitioner = new Recording(name: " spaced ") }).GenerateAndSum(new GenerateAndSumRequest(10, 5)).Partitioner);

    [Fact]
    public void ParallelFor_RunsOneStaticBlockPerWorker()
    {
        var strategy = new ParallelForStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = 8 });

        GenerateAndSumResult result = OnPlainThread(() => strategy.GenerateAndSum(new GenerateAndSumRequest(1_000_000, 4), new CallbackProgress(_ => { })));

        Assert.Equal(new RandomStream(4).ReferenceSum(0, 1_000_000), result.Sum);
        Assert.Equal(8, result.RangeCount);
        Assert.Equal("static-blocks", result.Partitioner);
    }

    [Theory]
    [InlineData("streaming")]
    [InlineData("simd-chunks")]
    [InlineData("reduce")]
    public void EngineRuns_TakeTheirPartitionsOnTheEnginesOwnWorkers_NotInTasks(string run)
    {
        var partitioner = new Recording(recordTasks: true);
        var options = new ParallelRunOptions { Partitioner = partitioner, MaxDegreeOfParallelism = 8 };

        Int128 sum = OnPlainThread(() => run == "reduce"
            ? (Int128)ParallelReduction.Reduce(1_000_000, 4096, 0L, r => (long)new RandomStream(4).ReferenceSum(r.Start, r.Length), (a, b) => a + b, options)
            : GenerateAndSumStrategies.Create(run, options).GenerateAndSum(new GenerateAndSumRequest(1_000_000, 4)).Sum);

        Assert.Equal(new RandomStream(4).ReferenceSum(0, 1_000_000), sum);
        Assert.Equal(Enumerable.Repeat(false, 8), partitioner.InTask.OrderBy(p => p.Key).Select(p => p.Value));
    }

    [Fact]
    public void ParallelFor_WithOneWorker_NeverRunsTwoBlocksAtOnce()
    {
        int now = 0, most = 0;
        var strategy = new ParallelForStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = 1 });
        var progress = new CallbackProgress(_ =>
        {
            int n = Interlocked.Increment(ref now);
            InterlockedMax(ref most, n);
            Thread.Sleep(5);
            Interlocked.Decrement(ref now);
        });

        GenerateAndSumResult result = OnPlainThread(() => strategy.GenerateAndSum(new GenerateAndSumRequest(2_000_000, 4), progress));

        Assert.Equal(new RandomStream(4).ReferenceSum(0, 2_000_000), result.Sum);
        Assert.Equal(1, result.WorkerCount);
        Assert.Equal(1, result.RangeCount);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
            seen = Volatile.Read(ref target);
        }
    }

    private static T OnPlainThread<T>(Func<T> call)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = call();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        Assert.True(thread.Join(Deadline.Default), "the call did not end within its deadline");
        return failure is null ? result : throw new InvalidOperationException("the call failed", failure);
    }

    /// <summary>A mutable box: one partition's local state, told apart by reference.</summary>
    private sealed class StrongBox
    {
        public long Value;
    }

    /// <summary>Partition 0 yields the whole count then throws; the others yield empty ranges for ever.</summary>
    private sealed class FailingBesideEndless : IndexRangePartitioner
    {
        public override string Name => nameof(FailingBesideEndless);

        public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount) =>
            [ThenThrow(count), .. Enumerable.Range(1, partitionCount - 1).Select(_ => Endless())];

        private static IEnumerable<IndexRange> ThenThrow(long count)
        {
            yield return new IndexRange(0, count);
            throw new InvalidCastException("broken after the first range");
        }

        private static IEnumerable<IndexRange> Endless()
        {
            while (true)
            {
                yield return new IndexRange(0, 0);
            }
        }
    }

    /// <summary>One block per partition, each of three ranges, recording what is read, with hooks to cancel or break it.</summary>
    private sealed class Recording(
        Action? onPartition = null,
        int nullPartition = -1,
        bool nullList = false,
        bool throwOnPartition = false,
        int? partitions = null,
        bool recordTasks = false,
        string? name = "recording") : IndexRangePartitioner
    {
        private int _rangesRead;

        public override string Name => name!;

        public int Calls { get; private set; }

        public int RangesRead => Volatile.Read(ref _rangesRead);

        public ConcurrentDictionary<int, bool> InTask { get; } = new();

        public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount)
        {
            Calls++;
            onPartition?.Invoke();
            if (throwOnPartition)
            {
                throw new FormatException("no partition today");
            }

            return nullList ? null! : new Blocks(this, count, partitions ?? partitionCount);
        }

        private sealed class Blocks(Recording owner, long count, int partitionCount) : IReadOnlyList<IEnumerable<IndexRange>>
        {
            public int Count => partitionCount;

            public IEnumerable<IndexRange> this[int index] => index == owner.NullPartition ? null! : Block(index);

            public IEnumerator<IEnumerable<IndexRange>> GetEnumerator()
            {
                for (int i = 0; i < Count; i++)
                {
                    yield return this[i];
                }
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            private IEnumerable<IndexRange> Block(int index)
            {
                if (owner.RecordTasks)
                {
                    owner.InTask[index] = Task.CurrentId is not null;
                }

                IndexRange block = StaticBlocksPartitioner.Block(count, partitionCount, index);
                for (int third = 0; third < 3; third++)
                {
                    Interlocked.Increment(ref owner._rangesRead);
                    yield return new IndexRange(block.Start + (block.Length * third / 3), block.Start + (block.Length * (third + 1) / 3));
                }
            }
        }

        private int NullPartition => nullPartition;

        private bool RecordTasks => recordTasks;
    }
}

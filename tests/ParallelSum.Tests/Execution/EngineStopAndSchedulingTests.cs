using System.Collections;
using ParallelSum.Execution;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Execution;

/// <summary>
/// How the engine stops and where it runs: a canceled call reads no more of the partitioner, a failure ends the call without
/// walking the remaining sequences, cancellation is reported with the caller's token, the synchronous form of a small
/// request is canceled rather than faulted, every worker's state goes back to its strategy, and where the workers run
/// (<c>parallel-for</c> in <c>Parallel.For</c>'s tasks; everything else on the engine's own thread-pool workers).
/// </summary>
public class EngineStopAndSchedulingTests
{
    [Fact]
    public void AlreadyCanceledToken_DoesNotCallThePartitioner()
    {
        var partitioner = new Recording(2);
        var strategy = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = partitioner });

        Assert.Throws<OperationCanceledException>(() => strategy.GenerateAndSum(new GenerateAndSumRequest(100, 1), cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(0, partitioner.PartitionCalls);
    }

    [Fact]
    public void CanceledDuringASequence_TheNextSequenceIsNeverRead()
    {
        // One worker takes the sequences in order; the first cancels the call as it ends. The second must not be read: it
        // is the partitioner's code, and the caller has asked for no more work.
        using var cts = new CancellationTokenSource();
        var partitioner = new Recording(3, onFirstSequenceEnd: cts.Cancel);
        var strategy = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = partitioner, MaxDegreeOfParallelism = 1 });

        var e = Assert.Throws<OperationCanceledException>(() => strategy.GenerateAndSum(new GenerateAndSumRequest(300, 1), cancellationToken: cts.Token));

        Assert.Equal(cts.Token, e.CancellationToken);
        Assert.Equal([0], partitioner.SequencesRead);
    }

    [Theory]
    [InlineData("streaming")]
    [InlineData("parallel-for")]
    public async Task FailureInTheFirstOfBillionsOfSequences_EndsTheCallWithoutWalkingTheRest(string strategyName)
    {
        // int.MaxValue one-value blocks (most of them empty) of a count of 10. The first block's sequence throws; a worker that went on
        // taking sequences after the failure would spend hours refusing each of the other 2^31 - 2.
        var partitioner = new FirstBlockThrows();
        IGenerateAndSum strategy = GenerateAndSumStrategies.Create(strategyName, partitioner);

        Task<GenerateAndSumResult> task = Deadline.Within(() => Task.FromResult(strategy.GenerateAndSum(new GenerateAndSumRequest(10, 1))));

        var e = await Assert.ThrowsAsync<InvalidPartitioningException>(() => task);
        Assert.IsType<FormatException>(e.InnerException);
    }

    [Fact]
    public void BodyThrowingItsOwnCancellation_AfterTheCallerCanceled_IsReportedWithTheCallersToken()
    {
        using var cts = new CancellationTokenSource();

        var e = Assert.ThrowsAny<OperationCanceledException>(() => ParallelReduction.Reduce(
            10_000,
            0L,
            range =>
            {
                cts.Cancel();
                throw new OperationCanceledException("the body's own");
            },
            (a, b) => a + b,
            new ParallelReductionOptions { CancellationToken = cts.Token, GrainSize = 10_000 }));

        Assert.Equal(cts.Token, e.CancellationToken);
    }

    [Fact]
    public async Task SmallRequest_CanceledWhileRunningInline_GivesACanceledTask_NotAFaultedOne()
    {
        // Below the synchronous limit the call runs on the calling thread; the partitioner cancels the caller's token while
        // it runs. The task is canceled, as a thread-pool run would be.
        using var cts = new CancellationTokenSource();
        var partitioner = new Recording(1, onPartition: cts.Cancel);
        var strategy = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = partitioner });

        Task<GenerateAndSumResult> task = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(100, 1), cancellationToken: cts.Token);

        Assert.True(task.IsCompleted);
        Assert.True(task.IsCanceled, $"status {task.Status}");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public void NullSequence_IsRefusedNamingTheWorker()
    {
        var strategy = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = new Recording(2, nullSequence: 1), MaxDegreeOfParallelism = 1 });

        var e = Assert.Throws<InvalidPartitioningException>(() => strategy.GenerateAndSum(new GenerateAndSumRequest(100, 1)));

        Assert.Contains("returned null as the sequence of worker 1 from Partition", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowingPartitioner_IsNamedWithTheExceptionTypeAndMessage()
    {
        var strategy = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = new Recording(1, throwOnPartition: true) });

        var e = Assert.Throws<InvalidPartitioningException>(() => strategy.GenerateAndSum(new GenerateAndSumRequest(100, 1)));

        Assert.Contains("threw FormatException: no partition today", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(64)]
    public void EveryWorkerState_IsReleased_AndEachOnlyOnce(int blocks)
    {
        var summer = new CountingSummer();
        var options = new PartitionedStrategyOptions { Partitioner = IndexRangePartitioners.StaticBlocks(blocks), MaxDegreeOfParallelism = 4 };
        var request = new GenerateAndSumRequest(100_000, 3);

        GenerateAndSumResult result = PartitionedExecution.RunSum("counting", request, options, summer, progress: null, CancellationToken.None);

        Assert.Equal(new RandomStream(3).ReferenceSum(0, 100_000), result.Sum);
        Assert.Equal(result.WorkerCount, summer.Created);
        Assert.Equal(summer.Created, summer.Released);
        Assert.Equal(summer.Created, summer.DistinctReleased);
    }

    [Fact]
    public void ParallelFor_RunsEverySequenceInsideParallelForsTasks()
    {
        // Called from a plain thread: only Parallel.For's own tasks give the sequences a current task.
        var partitioner = new TaskRecording(IndexRangePartitioners.StaticBlocks(8));
        IGenerateAndSum strategy = GenerateAndSumStrategies.Create("parallel-for", partitioner);

        GenerateAndSumResult result = OnPlainThread(() => strategy.GenerateAndSum(new GenerateAndSumRequest(1_000_000, 4)));

        Assert.Equal(new RandomStream(4).ReferenceSum(0, 1_000_000), result.Sum);
        Assert.True(result.WorkerCount > 1, $"{result.WorkerCount} worker");
        Assert.Equal(Enumerable.Repeat<bool?>(true, 8), partitioner.InTask);
    }

    [Theory]
    [InlineData("streaming")]
    [InlineData("simd-chunks")]
    [InlineData("reduce")]
    public void OtherRuns_RunTheirSequencesOnTheEnginesOwnWorkers_NotInTasks(string run)
    {
        var partitioner = new TaskRecording(IndexRangePartitioners.StaticBlocks(8));

        Int128 sum = OnPlainThread(() => run == "reduce"
            ? (Int128)ParallelReduction.Reduce(1_000_000, 0L, r => new RandomStream(4).ReferenceSum(r.Start, r.Length), (a, b) => a + b, new ParallelReductionOptions { Partitioner = partitioner, MaxDegreeOfParallelism = 4 })
            : GenerateAndSumStrategies.Create(run, partitioner).GenerateAndSum(new GenerateAndSumRequest(1_000_000, 4)).Sum);

        Assert.Equal(new RandomStream(4).ReferenceSum(0, 1_000_000), sum);
        Assert.Equal(Enumerable.Repeat<bool?>(false, 8), partitioner.InTask);
    }

    [Theory]
    [InlineData("parallel-for")]
    [InlineData("streaming")]
    public void MaxDegreeOfParallelismOfOne_NeverRunsTwoSequencesAtOnce(string name)
    {
        var partitioner = new ConcurrencyRecording(IndexRangePartitioners.StaticBlocks(8));
        IGenerateAndSum strategy = name == "parallel-for"
            ? new ParallelForStrategy(new PartitionedStrategyOptions { Partitioner = partitioner, MaxDegreeOfParallelism = 1 })
            : new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = partitioner, MaxDegreeOfParallelism = 1 });

        GenerateAndSumResult result = OnPlainThread(() => strategy.GenerateAndSum(new GenerateAndSumRequest(2_000_000, 4)));

        Assert.Equal(new RandomStream(4).ReferenceSum(0, 2_000_000), result.Sum);
        Assert.Equal(1, result.WorkerCount);
        Assert.Equal(1, partitioner.MostAtOnce);
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

    /// <summary>Wraps a partitioner and records the most sequences being enumerated at once (each holds the call briefly).</summary>
    private sealed class ConcurrencyRecording(IIndexRangePartitioner inner) : IIndexRangePartitioner
    {
        private int _now;
        private int _most;

        public string Name => inner.Name;

        public int MostAtOnce => Volatile.Read(ref _most);

        public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count) => inner.Partition(count).Select(Recorded).ToArray();

        private IEnumerable<IndexRange> Recorded(IEnumerable<IndexRange> sequence)
        {
            int now = Interlocked.Increment(ref _now);
            int most;
            while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
            {
            }

            try
            {
                Thread.Sleep(20); // long enough for a second worker, if there were one, to start its own sequence
                foreach (IndexRange range in sequence)
                {
                    yield return range;
                }
            }
            finally
            {
                Interlocked.Decrement(ref _now);
            }
        }
    }

    /// <summary>Wraps a partitioner and records, for each sequence, whether it was read inside a task.</summary>
    private sealed class TaskRecording(IIndexRangePartitioner inner) : IIndexRangePartitioner
    {
        private bool?[] _inTask = [];

        public string Name => inner.Name;

        public bool?[] InTask => [.. _inTask];

        public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count)
        {
            IReadOnlyList<IEnumerable<IndexRange>> sequences = inner.Partition(count);
            _inTask = new bool?[sequences.Count];
            return sequences.Select((sequence, index) => Recorded(sequence, index)).ToArray();
        }

        private IEnumerable<IndexRange> Recorded(IEnumerable<IndexRange> sequence, int index)
        {
            _inTask[index] = Task.CurrentId is not null;
            foreach (IndexRange range in sequence)
            {
                yield return range;
            }
        }
    }

    /// <summary>A partitioner of <c>sequences</c> even blocks that records what is read, with hooks to cancel or break it.</summary>
    private sealed class Recording(int sequences, Action? onPartition = null, Action? onFirstSequenceEnd = null, int nullSequence = -1, bool throwOnPartition = false) : IIndexRangePartitioner
    {
        private readonly List<int> _read = [];
        private readonly int _sequences = sequences;
        private readonly int _nullSequence = nullSequence;
        private readonly Action? _onFirstSequenceEnd = onFirstSequenceEnd;

        public string Name => "recording";

        public int PartitionCalls { get; private set; }

        public int[] SequencesRead
        {
            get
            {
                lock (_read)
                {
                    return [.. _read];
                }
            }
        }

        public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count)
        {
            PartitionCalls++;
            onPartition?.Invoke();
            if (throwOnPartition)
            {
                throw new FormatException("no partition today");
            }

            return new Sequences(this, count);
        }

        private sealed class Sequences(Recording owner, long count) : IReadOnlyList<IEnumerable<IndexRange>>
        {
            public int Count => owner._sequences;

            public IEnumerable<IndexRange> this[int index]
            {
                get
                {
                    lock (owner._read)
                    {
                        owner._read.Add(index);
                    }

                    return index == owner._nullSequence ? null! : Block(index);
                }
            }

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
                long start = count * index / Count, end = count * (index + 1) / Count;
                yield return new IndexRange(start, end);
                if (index == 0)
                {
                    owner._onFirstSequenceEnd?.Invoke();
                }
            }
        }
    }

    /// <summary><see cref="int.MaxValue"/> sequences; the first throws, the others hold one value each up to the count, then nothing.</summary>
    private sealed class FirstBlockThrows : IIndexRangePartitioner, IReadOnlyList<IEnumerable<IndexRange>>
    {
        private long _count;

        public string Name => "first-block-throws";

        public int Count => int.MaxValue;

        public IEnumerable<IndexRange> this[int index] => index == 0 ? Throw() : index < _count ? [new IndexRange(index, index + 1)] : [];

        public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count)
        {
            _count = count;
            return this;
        }

        public IEnumerator<IEnumerable<IndexRange>> GetEnumerator() => throw new NotSupportedException("read by index");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private static IEnumerable<IndexRange> Throw()
        {
            yield return new IndexRange(0, 1);
            throw new FormatException("the first block is broken");
        }
    }

    /// <summary>A summer that counts the worker states it hands out and gets back.</summary>
    private sealed class CountingSummer : RangeSummer<object>
    {
        private readonly HashSet<object> _released = new(ReferenceEqualityComparer.Instance);
        private int _created;
        private int _releasedCount;

        public int Created => Volatile.Read(ref _created);

        public int Released => Volatile.Read(ref _releasedCount);

        public int DistinctReleased
        {
            get
            {
                lock (_released)
                {
                    return _released.Count;
                }
            }
        }

        public override object CreateWorkerState()
        {
            Interlocked.Increment(ref _created);
            return new object();
        }

        public override void ReleaseWorkerState(object state)
        {
            Interlocked.Increment(ref _releasedCount);
            lock (_released)
            {
                _released.Add(state);
            }
        }

        public override Int128 SumRange(RunContext context, in RandomStream stream, IndexRange range, object state)
        {
            context.Advance(range.Length);
            return stream.ReferenceSum(range.Start, range.Length);
        }
    }
}

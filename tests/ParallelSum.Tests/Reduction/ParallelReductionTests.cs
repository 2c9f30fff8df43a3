using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Reduction;

public class ParallelReductionTests
{
    /// <summary>Every scheduling the engine offers: worker limits of 1, 2, 3 and 64 under each built-in partitioner, a
    /// partitioner whose ranges cut grains in two, and a BCL range partitioner.</summary>
    private static readonly int[] WorkerCounts = [1, 2, 3, 64];

    public static IEnumerable<ParallelRunOptions> Schedulings(long count) =>
        from workers in WorkerCounts
        from partitioner in new IndexRangePartitioner?[]
        {
            null, IndexRangePartitioners.DynamicChunks(1), IndexRangePartitioners.DynamicChunks(5), IndexRangePartitioners.DynamicChunks(97),
            new Partitioning.RoundRobinBlocksPartitioner(13), IndexRangePartitioners.FromRanges(System.Collections.Concurrent.Partitioner.Create(0L, Math.Max(count, 1), 7)),
        }
        where count > 0 || partitioner is not RangePartitionerAdapter
        select new ParallelRunOptions { MaxDegreeOfParallelism = workers, Partitioner = partitioner };

    /// <summary>Doubles of wildly different magnitudes, so that any change in the order of additions changes the bits.</summary>
    public static Arbitrary<(double[] Values, int Grain)> Inputs() =>
        (from length in Gen.Choose(0, 3000)
         from values in Gen.ArrayOf(
             Gen.OneOf(
                 Gen.Choose(-1000, 1000).Select(i => i * 1e-3),
                 Gen.Choose(-1000, 1000).Select(i => i * 1e15),
                 Gen.Elements(1e308, -1e308, 5e-324, 0.1, 1.0 / 3)),
             length)
         from grain in Gen.OneOf(Gen.Choose(1, 8), Gen.Choose(9, 400))
         select (values, grain)).ToArbitrary();

    [Property(Arbitrary = [typeof(ParallelReductionTests)], MaxTest = 60)]
    public bool SumOfDoubles_IsBitIdentical_OnAnyWorkerCountAndPartitioner_AndEqualsTheFixedTree((double[] Values, int Grain) input)
    {
        (double[] values, int grain) = input;
        long expected = BitConverter.DoubleToInt64Bits(ReferenceTree(values, grain, 0, values.Length == 0 ? 0 : TreeHeight(values.Length, grain), 0));
        return Schedulings(values.Length).All(options =>
            BitConverter.DoubleToInt64Bits(SumOf(values, grain, options)) == expected);
    }

    [Fact]
    public void SumOfDoubles_DiffersFromTheLeftToRightSum_WhereTheTreeRegroups()
    {
        // Proof the property above can fail: regrouping these four values changes the bits.
        double[] values = [1e16, 1, -1e16, 1];
        double leftToRight = values[0] + values[1] + values[2] + values[3];
        double tree = SumOf(values, 1, null);
        Assert.Equal(1.0, leftToRight);
        Assert.Equal(0.0, tree); // (1e16 + 1) + (-1e16 + 1): each half rounds its 1 away.
    }

    [Theory]
    [InlineData(0L, 1L)]
    [InlineData(1L, 1L)]
    [InlineData(1000L, 7L)]
    [InlineData(long.MaxValue, long.MaxValue / 3)]
    [InlineData(long.MaxValue, long.MaxValue)]
    public void Grains_TileTheIndexRangeInOrder_UpToLongMaxValue(long count, long grain)
    {
        var seen = new ConcurrentBag<IndexRange>();
        List<IndexRange> combined = ParallelReduction.Reduce(
            count,
            grain,
            new List<IndexRange>(),
            range => { seen.Add(range); return [range]; },
            (left, right) => [.. left, .. right]);

        long next = 0;
        foreach (IndexRange range in combined)
        {
            Assert.Equal(next, range.Start);
            Assert.InRange(range.Length, 1, grain);
            next = range.End;
        }

        Assert.Equal(count, next);
        Assert.Equal(combined.Count, seen.Count);
    }

    [Fact]
    public void CountZero_ReturnsTheIdentity_WithoutCallingTheBody()
    {
        Assert.Equal(-1, ParallelReduction.Reduce(0, 1, -1, _ => throw new InvalidOperationException("not called"), (a, b) => a + b));
    }

    [Fact]
    public void ExactIntegerSum_OfTheRandomStream_EqualsItsSequentialDefinition()
    {
        var stream = new RandomStream(42);
        Int128 sum = ParallelReduction.Reduce(1_000_000, 10_007, Int128.Zero, range => stream.ReferenceSum(range.Start, range.Length), (a, b) => a + b);
        Assert.Equal(5002298, sum);
    }

    [Fact]
    public void BadArguments_AreRefusedNamingThem()
    {
        Assert.Throws<ArgumentOutOfRangeException>("count", () => ParallelReduction.Reduce(-1, 1, 0, _ => 0, (a, b) => a + b));
        Assert.Throws<ArgumentNullException>("body", () => ParallelReduction.Reduce(1, 1, 0, null!, (a, b) => a + b));
        Assert.Throws<ArgumentNullException>("combine", () => ParallelReduction.Reduce(1, 1, 0, _ => 0, null!));
        var grain = Assert.Throws<ArgumentOutOfRangeException>("grainSize", () => ParallelReduction.Reduce(1, 0, 0, _ => 0, (a, b) => a + b));
        Assert.Equal(0L, grain.ActualValue);
        var workers = Assert.Throws<ArgumentException>("options", () => ParallelReduction.Reduce(1, 1, 0, _ => 0, (a, b) => a + b, new ParallelRunOptions { MaxDegreeOfParallelism = 0 }));
        Assert.StartsWith("options: MaxDegreeOfParallelism: must be -1", workers.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenPartitioner_IsRefused_NeverAResult()
    {
        var gappy = Hostile.HostilePartitioners.Ranges("gappy", new IndexRange(0, 2));
        var e = Assert.Throws<InvalidPartitioningException>(() => ParallelReduction.Reduce(1000, 100, 0L, r => r.Length, (a, b) => a + b, new ParallelRunOptions { Partitioner = gappy }));
        Assert.Contains("left the indices [2, 1000) uncovered", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BodyException_IsRethrownUnchanged()
    {
        var e = Assert.Throws<InvalidCastException>(() => ParallelReduction.Reduce(1000, 10, 0L, r => r.Start >= 500 ? throw new InvalidCastException("grain failed") : r.Length, (a, b) => a + b));
        Assert.Equal("grain failed", e.Message);
    }

    [Fact]
    public async Task Cancellation_WhileRunning_EndsPromptly()
    {
        using var cts = new CancellationTokenSource();
        var progress = new Callback<long>(_ => cts.Cancel());
        Task<long> call = await Deadline.Ended(Task.Run(() => ParallelReduction.Reduce(long.MaxValue, 1, 0L, r => { Thread.SpinWait(1000); return r.Length; }, (a, b) => a + b, null, progress, cts.Token)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public void Progress_IsMonotonicAndEndsAtCount()
    {
        var reports = new ConcurrentQueue<long>();
        ParallelReduction.Reduce(3_000_000, 4096, 0L, r => { Thread.SpinWait(1000); return r.Length; }, (a, b) => a + b, progress: new Callback<long>(reports.Enqueue));
        long[] seen = reports.ToArray();
        Assert.Equal(3_000_000, seen[^1]);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First < p.Second));
    }

    [Fact]
    public async Task ReduceAsync_ReturnsBeforeTheWorkEnds_AndTheCallingThreadDoesNone()
    {
        using var gate = new ManualResetEventSlim();
        int callingThread = Environment.CurrentManagedThreadId;
        var threads = new ConcurrentBag<int>();
        Task<long> task = ParallelReduction.ReduceAsync(100, 10, 0L, r => { threads.Add(Environment.CurrentManagedThreadId); gate.Wait(); return r.Length; }, (a, b) => a + b);

        Assert.False(task.IsCompleted);
        gate.Set();
        Assert.Equal(100, await task.WaitAsync(Deadline.Default));
        Assert.DoesNotContain(callingThread, threads);
    }

    private static double SumOf(double[] values, int grain, ParallelRunOptions? options) =>
        ParallelReduction.Reduce(values.LongLength, grain, 0.0, range => values.AsSpan((int)range.Start, (int)range.Length).ToArray().Sum(), (a, b) => a + b, options);

    private static int TreeHeight(int length, int grain)
    {
        long grains = ((length - 1) / grain) + 1;
        int height = 0;
        while ((1L << height) < grains)
        {
            height++;
        }

        return height;
    }

    /// <summary>The fixed tree written recursively from its definition: a second implementation to check the engine against.</summary>
    private static double ReferenceTree(double[] values, int grain, long index, int level, int unused)
    {
        long firstGrain = index << level;
        long grains = values.Length == 0 ? 0 : ((values.Length - 1) / grain) + 1;
        if (values.Length == 0)
        {
            return 0.0;
        }

        if (level == 0)
        {
            long start = firstGrain * grain;
            return values.AsSpan((int)start, (int)Math.Min(grain, values.Length - start)).ToArray().Sum();
        }

        double left = ReferenceTree(values, grain, index * 2, level - 1, unused);
        long rightFirstGrain = ((index * 2) + 1) << (level - 1);
        return rightFirstGrain < grains ? left + ReferenceTree(values, grain, (index * 2) + 1, level - 1, unused) : left;
    }

    private sealed class Callback<T>(Action<T> onReport) : IProgress<T>
    {
        public void Report(T value) => onReport(value);
    }
}

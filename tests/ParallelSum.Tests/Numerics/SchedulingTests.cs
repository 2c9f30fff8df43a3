using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using ParallelSum.Numerics;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Numerics;

/// <summary>The parallel forms on the engine: the same bits, equal to the oracle's, on 1 to 64 workers, under every built-in
/// partitioner and several grains; cancellation, progress, bad arguments, and many callers at once.</summary>
public class SchedulingTests
{
    /// <summary>30,011 values of every adversarial shape, concatenated, so that cancellations cross grains and blocks.</summary>
    private static readonly double[] Data = [.. Gen.Sample(AdversarialDoubles.Arrays(), 200, new Rnd(0xC0FFEEUL), 50).SelectMany(a => a).Take(30_011)];

    private static readonly long[] Grains = [7, 1_000, 2_048, 4_099, 65_536];

    public static TheoryData<int> WorkerCounts() => new(Enumerable.Range(1, 64));

    [Fact]
    public void Data_IsLongEnough_ToCrossGrainsAndBlocks() => Assert.Equal(30_011, Data.Length);

    [Theory]
    [MemberData(nameof(WorkerCounts))]
    public void Sum_IsTheOraclesBits_OnEveryWorkerCount(int workers)
    {
        long expected = ExactSumOracleTests.Bits(Expected.Value);
        // Every worker count meets every grain (in turn) and both kinds of partitioner.
        long grain = Grains[workers % Grains.Length];
        IndexRangePartitioner partitioner = workers % 2 == 0
            ? IndexRangePartitioners.StaticBlocks()
            : IndexRangePartitioners.DynamicChunks(1 + (workers % 5));
        var options = new ParallelRunOptions { MaxDegreeOfParallelism = workers, Partitioner = partitioner };
        Assert.Equal(expected, ExactSumOracleTests.Bits(ExactSum.Of(Data, grain, options, null, default)));
        // The public form, with its own fixed grain, gives the same bits.
        Assert.Equal(expected, ExactSumOracleTests.Bits(ExactSum.Of(Data, options)));
    }

    [Fact]
    public void Sum_IsTheSame_ForEveryGrainAndPartitioner_OnOneTwoAndSixtyFourWorkers()
    {
        long expected = ExactSumOracleTests.Bits(Expected.Value);
        foreach (int workers in new[] { 1, 2, 3, 64 })
        {
            foreach (long grain in new[] { 7L, 2_048L, Data.Length, long.MaxValue })
            {
                IndexRangePartitioner[] partitioners =
                [
                    IndexRangePartitioners.StaticBlocks(),
                    IndexRangePartitioners.DynamicChunks(3),
                    IndexRangePartitioners.DynamicChunks(5_000),
                    IndexRangePartitioners.FromRanges(System.Collections.Concurrent.Partitioner.Create(0L, Data.LongLength, 997)),
                ];
                foreach (IndexRangePartitioner partitioner in partitioners)
                {
                    var options = new ParallelRunOptions { MaxDegreeOfParallelism = workers, Partitioner = partitioner };
                    Assert.Equal(expected, ExactSumOracleTests.Bits(ExactSum.Of(Data, grain, options, null, default)));
                    Assert.Equal(expected, ExactSumOracleTests.Bits(ExactSum.OfRange(Data.LongLength, i => Data[i], grain, options, null, default)));
                }
            }
        }
    }

    [Fact]
    public void Sum_IsTheSame_WithGrainsOfOneValue()
    {
        double[] values = Data[..3_001];
        long expected = ExactSumOracleTests.Bits(BigIntegerOracle.Sum(values));
        foreach (int workers in new[] { 1, 2, 64 })
        {
            var options = new ParallelRunOptions { MaxDegreeOfParallelism = workers, Partitioner = IndexRangePartitioners.DynamicChunks(1) };
            Assert.Equal(expected, ExactSumOracleTests.Bits(ExactSum.Of(values, 1, options, null, default)));
        }
    }

    [Fact]
    public void Sum_OfAMillionValues_IsTheOraclesBits_OnEveryWorkerCount_WithThePublicGrain()
    {
        // Long enough for many of the public grains of 65,536 values: the grains, not just the blocks, meet every worker count.
        double[] values = [.. Enumerable.Range(0, 1_000_003).Select(i => Data[i % Data.Length] * ((i % 7) - 3))];
        long expected = ExactSumOracleTests.Bits(BigIntegerOracle.Sum(values));
        foreach (int workers in new[] { 1, 2, 3, 5, 8, 13, 31, 64 })
        {
            var options = new ParallelRunOptions { MaxDegreeOfParallelism = workers, Partitioner = workers % 2 == 0 ? IndexRangePartitioners.StaticBlocks() : IndexRangePartitioners.DynamicChunks(10_000) };
            Assert.Equal(expected, ExactSumOracleTests.Bits(ExactSum.Of(values, options)));
        }
    }

    [Fact]
    public void FloatSum_IsTheOraclesBits_OnAnyWorkerCountAndGrain()
    {
        float[] floats = [.. Data.Select(d => (float)d).Where(float.IsFinite)];
        int expected = BitConverter.SingleToInt32Bits(BigIntegerOracle.SumAsFloat(floats.Select(f => (double)f)));
        foreach ((int workers, long grain) in new[] { (1, 1_000L), (2, 7L), (5, 4_099L), (64, 333L), (64, 2_048L) })
        {
            var options = new ParallelRunOptions { MaxDegreeOfParallelism = workers, Partitioner = IndexRangePartitioners.DynamicChunks(2) };
            Assert.Equal(expected, BitConverter.SingleToInt32Bits(ExactSum.OfFloats(floats, grain, options, null, default)));
            Assert.Equal(expected, BitConverter.SingleToInt32Bits(ExactSum.OfFloats(floats, options)));
        }
    }

    [Fact]
    public void Sequence_IsTheOraclesBits_HoweverItIsEnumerated()
    {
        long expected = ExactSumOracleTests.Bits(Expected.Value);
        Assert.Equal(expected, ExactSumOracleTests.Bits(ExactSum.OfSequence(Data)));
        Assert.Equal(expected, ExactSumOracleTests.Bits(ExactSum.OfSequence(Data.ToList())));
        Assert.Equal(expected, ExactSumOracleTests.Bits(ExactSum.OfSequence(Data.Select(d => d))));
        int enumerated = 0;
        Assert.Equal(expected, ExactSumOracleTests.Bits(ExactSum.OfSequence(Data.Select(d => { enumerated++; return d; }))));
        Assert.Equal(Data.Length, enumerated);
    }

    [Fact]
    public void Selector_IsCalledOncePerIndex()
    {
        var calls = new ConcurrentDictionary<long, int>();
        double sum = ExactSum.OfRange(100_003, i => { calls.AddOrUpdate(i, 1, (_, n) => n + 1); return i * 0.5; });
        Assert.Equal(100_003L * 100_002 / 4.0, sum);
        Assert.Equal(100_003, calls.Count);
        Assert.All(calls.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task ManyCallersAtOnce_EachGetTheirOwnExactSum()
    {
        double[][] inputs = [.. Enumerable.Range(0, 16).Select(k => Data.Skip(k * 1_000).Take(20_000 - k).ToArray())];
        long[] expected = [.. inputs.Select(v => ExactSumOracleTests.Bits(BigIntegerOracle.Sum(v)))];
        long[] actual = await Deadline.Within(() => Task.WhenAll(inputs.Select(v => Task.Run(() =>
            ExactSumOracleTests.Bits(ExactSum.Of(v, 1_000, null, null, default))))));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void CanceledToken_StopsEveryForm()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ExactSum.Of(Data, cancellationToken: source.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ExactSum.Of([1.0], cancellationToken: source.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ExactSum.OfFloats(Data.Select(d => (float)d).ToArray(), cancellationToken: source.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ExactSum.OfRange(10, i => i, cancellationToken: source.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ExactSum.OfRange(1_000_000, i => i, cancellationToken: source.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ExactSum.OfSequence(Data, source.Token));
    }

    [Fact]
    public async Task CancelingDuringTheSum_StopsIt_BeforeTheValuesRunOut()
    {
        using var source = new CancellationTokenSource();
        long called = 0;
        Task<double> run = Deadline.Within(() => Task.Run(() => ExactSum.OfRange(long.MaxValue, i =>
        {
            if (Interlocked.Increment(ref called) == 50_000)
            {
                source.Cancel();
            }

            return 1.0;
        }, cancellationToken: source.Token)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.InRange(Interlocked.Read(ref called), 50_000, 10_000_000);
        long sequenceCalls = 0;
        using var sequenceSource = new CancellationTokenSource();
        IEnumerable<double> endless = Enumerable.Repeat(1.0, int.MaxValue).Select(v =>
        {
            if (++sequenceCalls == 5_000)
            {
                sequenceSource.Cancel();
            }

            return v;
        });
        Assert.ThrowsAny<OperationCanceledException>(() => ExactSum.OfSequence(endless, sequenceSource.Token));
        Assert.InRange(sequenceCalls, 5_000, 5_000 + 2_048);
    }

    [Fact]
    public void Progress_CountsEveryValue_NeverDecreasing()
    {
        var reports = new ConcurrentQueue<long>();
        var progress = new CallbackLongProgress(reports.Enqueue);
        ExactSum.Of(Data, 1_000, null, progress, default);
        long[] seen = [.. reports];
        Assert.NotEmpty(seen);
        Assert.Equal(Data.Length, seen[^1]);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First <= p.Second), string.Join(", ", seen));
        // A single grain still reports its count at the end, through the public form too.
        reports.Clear();
        ExactSum.Of(Data.AsSpan(0, 10), progress: progress);
        Assert.Equal(10L, reports.ToArray()[^1]);
        reports.Clear();
        ExactSum.OfRange(5_000, i => i, progress: progress);
        Assert.Equal(5_000L, reports.ToArray()[^1]);
    }

    [Fact]
    public void SelectorException_IsRethrownUnchanged()
    {
        var e = Assert.Throws<InvalidCastException>(() => ExactSum.OfRange(100_000, i => i == 77_777 ? throw new InvalidCastException("value 77777") : 1.0));
        Assert.Equal("value 77777", e.Message);
    }

    [Fact]
    public void BadArguments_AreRefused_NamingThem()
    {
        Assert.Throws<ArgumentOutOfRangeException>("count", () => ExactSum.OfRange(-1, i => 0.0));
        Assert.Throws<ArgumentNullException>("selector", () => ExactSum.OfRange(1, null!));
        Assert.Throws<ArgumentNullException>("values", () => ExactSum.OfSequence(null!));
        Assert.Throws<ArgumentOutOfRangeException>("grainSize", () => ExactSum.Of(Data, 0, null, null, default));
        var workers = Assert.Throws<ArgumentException>("options", () => ExactSum.OfFloats([1.0f], new ParallelRunOptions { MaxDegreeOfParallelism = 0 }));
        Assert.StartsWith("options: MaxDegreeOfParallelism: must be -1", workers.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("options", () => ExactSum.Of([1.0], new ParallelRunOptions { MaxDegreeOfParallelism = -2 }));
        Assert.Throws<ArgumentException>("options", () => ExactSum.OfRange(3, i => 1.0, new ParallelRunOptions { MaxDegreeOfParallelism = 0 }));
        Assert.Throws<ArgumentNullException>("other", () => new ExactSumAccumulator().Add((ExactSumAccumulator)null!));
    }

    [Fact]
    public void BrokenPartitioner_IsRefused_NeverAResult()
    {
        var gappy = Hostile.HostilePartitioners.Ranges("gappy", new IndexRange(0, 2));
        var e = Assert.Throws<InvalidPartitioningException>(() => ExactSum.Of(Data, new ParallelRunOptions { Partitioner = gappy }, new CallbackLongProgress(_ => { })));
        Assert.Contains("uncovered", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidPartitioningException>(() => ExactSum.OfRange(1_000_000, i => 1.0, new ParallelRunOptions { Partitioner = gappy }));
    }

    private static readonly Lazy<double> Expected = new(() => BigIntegerOracle.Sum(Data));

    /// <summary>Reports on the reporting thread at once.</summary>
    private sealed class CallbackLongProgress(Action<long> onReport) : IProgress<long>
    {
        public void Report(long value) => onReport(value);
    }

    [Fact]
    public void CountOfExactlyOneGrain_RunsWithoutThePartitioner()
    {
        double[] values = [1.0, Math.ScaleB(1, -70), -3.5];
        // A partitioner for a count of 1 breaks its contract on any run of three values: consulting it throws.
        var options = new ParallelRunOptions { Partitioner = IndexRangePartitioners.FromRanges(Partitioner.Create(0L, 1L)) };
        long expected = ExactSumOracleTests.Bits(BigIntegerOracle.Sum(values));
        Assert.Equal(expected, ExactSumOracleTests.Bits(ExactSum.Of(values, values.Length, options, null, default)));
        Assert.Equal(expected, ExactSumOracleTests.Bits(ExactSum.OfRange(values.Length, i => values[i], values.Length, options, null, default)));
        Assert.Throws<InvalidPartitioningException>(() => ExactSum.Of(values, values.Length - 1, options, null, default));
    }
}

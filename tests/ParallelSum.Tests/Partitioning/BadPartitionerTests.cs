using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ParallelSum.Tests.Partitioning;

/// <summary>Every partitioned strategy refuses a partitioner that breaks the contract, naming it, and never returns a sum.</summary>
public class BadPartitionerTests
{
    public enum Fault
    {
        Gap,
        Overlap,
        OutOfRange,
        Reversed,
        ThrowsInPartition,
        ThrowsWhileEnumerating,
        NullList,
        NullSequence,
        NoSequence,
    }

    private static readonly string[] PartitionedStrategyNames = GenerateAndSumStrategies.Names.Where(n => n is not NaiveListStrategy.StrategyName and not AutoStrategy.StrategyName).ToArray();

    public static TheoryData<string> PartitionedStrategies() => new(PartitionedStrategyNames);

    /// <summary>A partitioner that starts from exact cover of [0, count) and breaks it in one chosen way at a chosen place.</summary>
    public sealed class FaultyPartitioner(Fault fault, int where) : IIndexRangePartitioner
    {
        public string Name => $"faulty-{fault}";

        public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count)
        {
            if (fault == Fault.NoSequence)
            {
                return [];
            }

            var ranges = Enumerable.Range(0, 8).Select(i => new IndexRange(count * i / 8, count * (i + 1) / 8)).Where(r => !r.IsEmpty).ToList();
            int k = where % ranges.Count;
            IndexRange r = ranges[k];
            switch (fault)
            {
                case Fault.Gap: ranges[k] = r with { End = r.End - 1 }; break;
                case Fault.Overlap: ranges.Add(new IndexRange(r.End - 1, r.End)); break;
                case Fault.OutOfRange: ranges.Add(new IndexRange(count, count + 1)); break;
                case Fault.Reversed: ranges[k] = new IndexRange(r.End, r.Start); break;
                case Fault.ThrowsInPartition: throw new InvalidCastException("boom in Partition");
                case Fault.NullList: return null!;
                default: break;
            }

            var sequences = ranges.Select(x => (IEnumerable<IndexRange>)[x]).ToList();
            if (fault == Fault.ThrowsWhileEnumerating)
            {
                sequences[k] = ThrowAfterFirst(r);
            }

            if (fault == Fault.NullSequence)
            {
                sequences[k] = null!;
            }

            return sequences;
        }

        private static IEnumerable<IndexRange> ThrowAfterFirst(IndexRange r)
        {
            yield return r;
            throw new InvalidCastException("boom while enumerating");
        }
    }

    [Property(MaxTest = 100)]
    public Property AnyFault_AnyStrategy_IsRefusedNamingThePartitioner() =>
        Prop.ForAll(
            (from fault in Gen.Elements(Enum.GetValues<Fault>())
             from position in Gen.Choose(0, 100)
             from count in Gen.Choose(8, 50_000)
             from strategyName in Gen.Elements(PartitionedStrategyNames)
             select (fault, position, count, strategyName)).ToArbitrary(),
            c =>
            {
                var (fault, position, count, strategyName) = c;
                var strategy = GenerateAndSumStrategies.Create(strategyName, new FaultyPartitioner(fault, position));
                var task = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(count, 42));
                var e = Assert.ThrowsAsync<InvalidPartitioningException>(() => task).GetAwaiter().GetResult();
                Assert.Equal($"faulty-{fault}", e.PartitionerName);
                Assert.Contains($"faulty-{fault}", e.Message, StringComparison.Ordinal);
                if (fault is Fault.ThrowsInPartition or Fault.ThrowsWhileEnumerating)
                {
                    Assert.IsType<InvalidCastException>(e.InnerException);
                }
            });

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task Gap_MessageNamesTheMissingIndices(string strategyName)
    {
        var strategy = GenerateAndSumStrategies.Create(strategyName, new FaultyPartitioner(Fault.Gap, 0));
        var e = await Assert.ThrowsAsync<InvalidPartitioningException>(() => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(800, 1)));
        Assert.Contains("[99, 100) uncovered", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task Overlap_MessageNamesBothRanges(string strategyName)
    {
        var strategy = GenerateAndSumStrategies.Create(strategyName, new SequentialOverlap());
        var e = await Assert.ThrowsAsync<InvalidPartitioningException>(() => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(100, 1)));
        Assert.Contains("[40, 60), which overlaps indices already yielded in [0, 50)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task NoSequenceForCountZero_IsAllowedAndSumsToZero(string strategyName)
    {
        var strategy = GenerateAndSumStrategies.Create(strategyName, new FaultyPartitioner(Fault.NoSequence, 0));
        GenerateAndSumResult result = await strategy.GenerateAndSumAsync(new GenerateAndSumRequest(0, 1));
        Assert.Equal(0, result.Sum);
        Assert.Equal(0, result.RangeCount);
    }

    /// <summary>One worker, so the order of claims (and the message) is deterministic.</summary>
    private sealed class SequentialOverlap : IIndexRangePartitioner
    {
        public string Name => "overlap";

        public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count) => [[new IndexRange(0, 50), new IndexRange(40, 60), new IndexRange(60, count)]];
    }
}

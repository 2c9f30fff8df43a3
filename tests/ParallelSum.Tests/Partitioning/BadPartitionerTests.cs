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
        TooFewPartitions,
        TooManyPartitions,
        ThrowsInGetEnumerator,
        ThrowsInDispose,
    }

    private static readonly string[] PartitionedStrategyNames = [.. GenerateAndSumStrategies.Names.Where(GenerateAndSumStrategies.TakesPartitioner)];

    private static GenerateAndSumStrategy Create(string strategyName, IndexRangePartitioner partitioner, int workers = 3) =>
        GenerateAndSumStrategies.Create(strategyName, new ParallelRunOptions { Partitioner = partitioner, MaxDegreeOfParallelism = workers });

    public static TheoryData<string> PartitionedStrategies() => new(PartitionedStrategyNames);

    /// <summary>A partitioner that starts from exact cover of [0, count) and breaks it in one chosen way at a chosen place.</summary>
    public sealed class FaultyPartitioner(Fault fault, int where) : IndexRangePartitioner
    {
        public override string Name => $"faulty-{fault}";

        public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount)
        {
            if (fault is Fault.TooFewPartitions or Fault.TooManyPartitions)
            {
                return [.. Enumerable.Repeat<IEnumerable<IndexRange>>([], fault == Fault.TooFewPartitions ? partitionCount - 1 : partitionCount + 1)];
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

            // The ranges dealt to the partitions in turn; the broken one is the first range of partition k % partitionCount.
            var partitions = Enumerable.Range(0, partitionCount).Select(_ => new List<IndexRange>()).ToList();
            (ranges[0], ranges[k]) = (ranges[k], ranges[0]);
            int broken = k % partitionCount;
            for (int i = 0; i < ranges.Count; i++)
            {
                partitions[(i + broken) % partitionCount].Add(ranges[i]);
            }

            var sequences = partitions.Select(p => (IEnumerable<IndexRange>)p).ToList();
            sequences[broken] = fault switch
            {
                Fault.ThrowsWhileEnumerating => ThrowAfterFirst(partitions[broken]),
                Fault.NullSequence => null!,
                Fault.ThrowsInGetEnumerator => new Throwing(partitions[broken], inGetEnumerator: true),
                Fault.ThrowsInDispose => new Throwing(partitions[broken], inGetEnumerator: false),
                _ => sequences[broken],
            };
            return sequences;
        }

        private static IEnumerable<IndexRange> ThrowAfterFirst(List<IndexRange> ranges)
        {
            yield return ranges[0];
            throw new InvalidCastException("boom while enumerating");
        }

        /// <summary>A partition whose GetEnumerator throws, or whose enumerator's Dispose throws after yielding every range.</summary>
        private sealed class Throwing(List<IndexRange> ranges, bool inGetEnumerator) : IEnumerable<IndexRange>
        {
            public IEnumerator<IndexRange> GetEnumerator() =>
                inGetEnumerator ? throw new InvalidCastException("boom in GetEnumerator") : new DisposeThrows(ranges.GetEnumerator());

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }

        private sealed class DisposeThrows(List<IndexRange>.Enumerator inner) : IEnumerator<IndexRange>
        {
            private List<IndexRange>.Enumerator _inner = inner;

            public IndexRange Current => _inner.Current;

            object System.Collections.IEnumerator.Current => Current;

            public bool MoveNext() => _inner.MoveNext();

            public void Reset() => throw new NotSupportedException();

            public void Dispose() => throw new InvalidCastException("boom in Dispose");
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
                GenerateAndSumStrategy strategy = Create(strategyName, new FaultyPartitioner(fault, position), workers: 1 + (position % 4));
                var task = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(count, 42));
                var e = Assert.ThrowsAsync<InvalidPartitioningException>(() => task).GetAwaiter().GetResult();
                Assert.Equal($"faulty-{fault}", e.PartitionerName);
                Assert.Contains($"faulty-{fault}", e.Message, StringComparison.Ordinal);
                if (fault is Fault.ThrowsInPartition or Fault.ThrowsWhileEnumerating or Fault.ThrowsInGetEnumerator or Fault.ThrowsInDispose)
                {
                    Assert.IsType<InvalidCastException>(e.InnerException);
                }
            });

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task Gap_MessageNamesTheMissingIndices(string strategyName)
    {
        GenerateAndSumStrategy strategy = Create(strategyName, new FaultyPartitioner(Fault.Gap, 0));
        var e = await Assert.ThrowsAsync<InvalidPartitioningException>(() => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(800, 1)));
        Assert.Contains("[99, 100) uncovered", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task Overlap_MessageNamesBothRanges(string strategyName)
    {
        GenerateAndSumStrategy strategy = Create(strategyName, new SequentialOverlap(), workers: 1);
        var e = await Assert.ThrowsAsync<InvalidPartitioningException>(() => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(100, 1)));
        Assert.Contains("[40, 60), which overlaps indices already yielded in [0, 50)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task WrongPartitionCount_IsRefused_EvenForACountOfZero(string strategyName)
    {
        foreach (Fault fault in new[] { Fault.TooFewPartitions, Fault.TooManyPartitions })
        {
            GenerateAndSumStrategy strategy = Create(strategyName, new FaultyPartitioner(fault, 0));
            var e = await Assert.ThrowsAsync<InvalidPartitioningException>(() => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(0, 1)));
            Assert.Contains($"partitions from GetPartitions(0, 3); it must return exactly 3, one per worker.", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task ThrowingDispose_IsWrapped_NamingThePartitioner(string strategyName)
    {
        GenerateAndSumStrategy strategy = Create(strategyName, new FaultyPartitioner(Fault.ThrowsInDispose, 1));
        var e = await Assert.ThrowsAsync<InvalidPartitioningException>(() => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(100_000, 1)));
        Assert.IsType<InvalidCastException>(e.InnerException);
        Assert.Equal("Partitioner 'faulty-ThrowsInDispose': threw InvalidCastException: boom in Dispose", e.Message);
    }

    /// <summary>One worker, so the order of claims (and the message) is deterministic.</summary>
    private sealed class SequentialOverlap : IndexRangePartitioner
    {
        public override string Name => "overlap";

        public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount) => [[new IndexRange(0, 50), new IndexRange(40, 60), new IndexRange(60, count)]];
    }
}

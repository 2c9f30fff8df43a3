namespace ParallelSum.Tests.Hostile;

/// <summary>Partitioners that break their contract, block, or ask for huge numbers of ranges: each in a few lines.</summary>
internal static class HostilePartitioners
{
    /// <summary>A partitioner built from a function of the count: what <paramref name="partition"/> returns, with empty
    /// partitions added up to the partition count the engine asks for (a list with more, or a negative count, is passed on
    /// as it is, for the engine to refuse).</summary>
    public static IndexRangePartitioner From(string name, Func<long, IReadOnlyList<IEnumerable<IndexRange>>> partition) => new Lambda(name, partition);

    /// <summary>One partition of the given ranges, in order.</summary>
    public static IndexRangePartitioner Ranges(string name, params IndexRange[] ranges) => From(name, _ => [ranges]);

    /// <summary>One partition yielding every index as its own one-value range, evens first then odds: nothing joins until the end.</summary>
    public static IndexRangePartitioner InterleavedSingles() => From("interleaved-singles", count => [Interleaved(count)]);

    /// <summary>One partition yielding one-value ranges in order, forever if need be.</summary>
    public static IndexRangePartitioner Singles() => From("singles", count => [Singles(count)]);

    /// <summary>A list whose <see cref="IReadOnlyCollection{T}.Count"/> is <paramref name="count"/> and whose items come from <paramref name="item"/>.</summary>
    public static IReadOnlyList<IEnumerable<IndexRange>> List(int count, Func<int, IEnumerable<IndexRange>> item) => new FuncList(count, item);

    private static IEnumerable<IndexRange> Interleaved(long count)
    {
        for (long i = 0; i < count; i += 2)
        {
            yield return new IndexRange(i, i + 1);
        }

        for (long i = 1; i < count; i += 2)
        {
            yield return new IndexRange(i, i + 1);
        }
    }

    private static IEnumerable<IndexRange> Singles(long count)
    {
        for (long i = 0; i < count; i++)
        {
            yield return new IndexRange(i, i + 1);
        }
    }

    private sealed class Lambda(string name, Func<long, IReadOnlyList<IEnumerable<IndexRange>>> partition) : IndexRangePartitioner
    {
        public override string Name => name;

        public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount)
        {
            IReadOnlyList<IEnumerable<IndexRange>> partitions = partition(count);
            // The list's count is read here, but its items only when a worker takes them, as the engine reads them.
            return partitions is null || partitions.Count < 0 || partitions.Count >= partitionCount
                ? partitions!
                : new FuncList(partitionCount, i => i < partitions.Count ? partitions[i] : []);
        }
    }

    private sealed class FuncList(int count, Func<int, IEnumerable<IndexRange>> item) : IReadOnlyList<IEnumerable<IndexRange>>
    {
        public int Count => count;

        public IEnumerable<IndexRange> this[int index] => item(index);

        public IEnumerator<IEnumerable<IndexRange>> GetEnumerator() => Enumerable.Range(0, count).Select(item).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

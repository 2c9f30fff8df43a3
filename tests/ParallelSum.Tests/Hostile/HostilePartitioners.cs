namespace ParallelSum.Tests.Hostile;

/// <summary>Partitioners that break their contract, block, or ask for huge numbers of ranges: each in a few lines.</summary>
internal static class HostilePartitioners
{
    /// <summary>A partitioner built from a function: <paramref name="partition"/> is its <see cref="IIndexRangePartitioner.Partition"/>.</summary>
    public static IIndexRangePartitioner From(string name, Func<long, IReadOnlyList<IEnumerable<IndexRange>>> partition) => new Lambda(name, partition);

    /// <summary>One sequence of the given ranges, in order.</summary>
    public static IIndexRangePartitioner Ranges(string name, params IndexRange[] ranges) => From(name, _ => [ranges]);

    /// <summary>One sequence yielding every index as its own one-value range, evens first then odds: nothing joins until the end.</summary>
    public static IIndexRangePartitioner InterleavedSingles() => From("interleaved-singles", count => [Interleaved(count)]);

    /// <summary>One sequence yielding one-value ranges in order, forever if need be.</summary>
    public static IIndexRangePartitioner Singles() => From("singles", count => [Singles(count)]);

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

    private sealed class Lambda(string name, Func<long, IReadOnlyList<IEnumerable<IndexRange>>> partition) : IIndexRangePartitioner
    {
        public string Name => name;

        public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count) => partition(count);
    }

    private sealed class FuncList(int count, Func<int, IEnumerable<IndexRange>> item) : IReadOnlyList<IEnumerable<IndexRange>>
    {
        public int Count => count;

        public IEnumerable<IndexRange> this[int index] => item(index);

        public IEnumerator<IEnumerable<IndexRange>> GetEnumerator() => Enumerable.Range(0, count).Select(item).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

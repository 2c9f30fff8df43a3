using System.Collections.Concurrent;

namespace ParallelSum.Execution;

/// <summary>A BCL partitioner of <c>[from, to)</c> tuples used as an <see cref="IndexRangePartitioner"/>. See
/// <see cref="IndexRangePartitioners.FromRanges(Partitioner{Tuple{long, long}})"/>.</summary>
internal sealed class RangePartitionerAdapter(Partitioner<Tuple<long, long>> ranges) : IndexRangePartitioner
{
    public override string Name { get; } = $"ranges({ranges.GetType().Name})";

    public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount)
    {
        // The BCL partitioner covers the range it was created for, whatever the count: the engine's coverage check names it
        // when that range is not [0, count).
        IList<IEnumerator<Tuple<long, long>>> partitions = ranges.GetPartitions(partitionCount);
        var sequences = new IEnumerable<IndexRange>[partitions.Count];
        for (int i = 0; i < sequences.Length; i++)
        {
            sequences[i] = new OneShot(partitions[i]);
        }

        return sequences;
    }

    /// <summary>An enumerator as a sequence: the engine enumerates each partition exactly once.</summary>
    private sealed class OneShot(IEnumerator<Tuple<long, long>>? source) : IEnumerable<IndexRange>
    {
        private IEnumerator<Tuple<long, long>>? _source = source;

        public IEnumerator<IndexRange> GetEnumerator()
        {
            IEnumerator<Tuple<long, long>> source = Interlocked.Exchange(ref _source, null)
                ?? throw new InvalidOperationException("A partition of a BCL range partitioner is null or was enumerated twice.");
            return new Ranges(source);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Ranges(IEnumerator<Tuple<long, long>> source) : IEnumerator<IndexRange>
    {
        public IndexRange Current { get; private set; }

        object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (!source.MoveNext())
            {
                return false;
            }

            Tuple<long, long> range = source.Current ?? throw new InvalidOperationException("The BCL range partitioner yielded a null tuple.");
            Current = new IndexRange(range.Item1, range.Item2);
            return true;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose() => source.Dispose();
    }
}

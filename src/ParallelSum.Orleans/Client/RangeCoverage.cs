using ParallelSum.Execution;

namespace ParallelSum.Orleans;

/// <summary>
/// Gets one request's ranges from its partitioner and checks them as the engine checks any partitioner's: the partitions
/// are as many as asked and none is null; a range outside <c>[0, count)</c>, or one that would bring the total above the
/// count, is refused before it is sent; gaps and overlaps are found by <see cref="Complete"/>, when
/// every partition has ended. Every exception thrown by the partitioner's code becomes an
/// <see cref="InvalidPartitioningException"/> naming it. Thread-safe: the workers claim ranges at the same time.
/// </summary>
internal sealed class RangeCoverage
{
    private readonly IndexRangePartitioner _partitioner;
    private readonly long _count;
    private readonly List<IndexRange> _claimed = [];
    private readonly Lock _gate = new();
    private long _total;

    /// <summary>Checks the ranges of <paramref name="partitioner"/> over <c>[0, <paramref name="count"/>)</c>.</summary>
    public RangeCoverage(IndexRangePartitioner partitioner, long count)
    {
        _partitioner = partitioner;
        _count = count;
        Name = SafeName(partitioner);
    }

    /// <summary>Gets the partitioner's name for results and errors.</summary>
    public string Name { get; }

    /// <summary>Gets how many non-empty ranges have been claimed.</summary>
    public long RangeCount
    {
        get
        {
            lock (_gate)
            {
                return _claimed.Count;
            }
        }
    }

    /// <summary>Asks the partitioner for <paramref name="partitionCount"/> partitions.</summary>
    public IReadOnlyList<IEnumerable<IndexRange>> Partition(int partitionCount, CancellationToken cancellationToken)
    {
        IReadOnlyList<IEnumerable<IndexRange>>? partitions = Call(() => _partitioner.GetPartitions(_count, partitionCount), cancellationToken);
        int returned = partitions is null ? -1 : Call(() => partitions.Count, cancellationToken);
        if (partitions is null || returned != partitionCount)
        {
            throw Broken($"returned {(partitions is null ? "null" : returned + " partitions")} when asked for {partitionCount}");
        }

        for (int i = 0; i < partitionCount; i++)
        {
            int index = i;
            if (Call(() => partitions[index], cancellationToken) is null)
            {
                throw Broken($"returned a null partition at index {i}");
            }
        }

        return partitions;
    }

    /// <summary>The ranges of one partition, each checked and claimed before it is returned; empty ones are skipped.</summary>
    public IEnumerable<(long Id, IndexRange Range)> Claim(IEnumerable<IndexRange> partition, CancellationToken cancellationToken)
    {
        IEnumerator<IndexRange> ranges = Call(partition.GetEnumerator, cancellationToken);
        try
        {
            while (Call(ranges.MoveNext, cancellationToken))
            {
                IndexRange range = Call(() => ranges.Current, cancellationToken);
                if (ClaimOne(range) is long id)
                {
                    yield return (id, range);
                }
            }
        }
        finally
        {
            Call(() =>
            {
                ranges.Dispose();
                return 0;
            }, cancellationToken);
        }
    }

    /// <summary>Checks that the claimed ranges cover <c>[0, count)</c> exactly once; call when every partition has ended.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _claimed.Sort((a, b) => a.Start.CompareTo(b.Start));
            long covered = 0;
            foreach (IndexRange range in _claimed)
            {
                if (range.Start < covered)
                {
                    throw Broken($"yielded the range {range}, which overlaps indices already yielded; ranges must cover [0, {_count}) exactly once.");
                }

                if (range.Start > covered)
                {
                    break;
                }

                covered = range.End;
            }

            if (covered != _count)
            {
                long gapEnd = _claimed.Select(r => r.Start).Where(s => s > covered).DefaultIfEmpty(_count).Min();
                throw Broken($"left the indices {new IndexRange(covered, gapEnd)} uncovered; ranges must cover [0, {_count}) exactly once.");
            }
        }
    }

    private long? ClaimOne(IndexRange range)
    {
        if (!range.IsValid(_count))
        {
            throw Broken($"yielded the range {range}, which is not within [0, {_count}) with start <= end; ranges must cover [0, {_count}) exactly once.");
        }

        if (range.IsEmpty)
        {
            return null;
        }

        lock (_gate)
        {
            if (_total > _count - range.Length)
            {
                throw Broken($"yielded the range {range}, which would bring the indices yielded above {_count}: it overlaps indices already yielded; ranges must cover [0, {_count}) exactly once.");
            }

            _total += range.Length;
            _claimed.Add(range);
            return _claimed.Count - 1;
        }
    }

    private T Call<T>(Func<T> call, CancellationToken cancellationToken)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not InvalidPartitioningException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw new InvalidPartitioningException(Name, $"threw {e.GetType().Name}: {e.Message}", e);
        }
    }

    private InvalidPartitioningException Broken(string message) => new(Name, message, null);

    private static string SafeName(IndexRangePartitioner partitioner)
    {
        try
        {
            string? name = partitioner.Name;
            return string.IsNullOrWhiteSpace(name) ? partitioner.GetType().Name : name;
        }
        catch (Exception)
        {
            return partitioner.GetType().Name;
        }
    }
}

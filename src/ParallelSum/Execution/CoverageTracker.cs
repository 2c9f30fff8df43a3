namespace ParallelSum.Execution;

/// <summary>
/// Checks that the ranges a partitioner yields cover <c>[0, count)</c> exactly once. Ranges are claimed before their values
/// are generated, so an out-of-bounds or overlapping range is refused before any work on it; a gap shows at the end.
/// </summary>
/// <remarks>Thread-safe. Claimed ranges are kept as sorted disjoint intervals, adjacent ones merged, so memory stays
/// proportional to the number of ranges in flight for partitioners that hand out ranges in roughly increasing order.</remarks>
internal sealed class CoverageTracker(long count, string partitionerName)
{
    private readonly List<IndexRange> _covered = [];

    /// <summary>Records <paramref name="range"/>; throws if it is out of bounds or overlaps a range claimed before.</summary>
    public void Claim(IndexRange range)
    {
        if (!range.IsValid(count))
        {
            throw new InvalidPartitioningException(partitionerName, $"yielded the range {range}, which is not within [0, {count}) with start <= end; ranges must cover [0, {count}) exactly once.", null);
        }

        if (range.IsEmpty)
        {
            return;
        }

        lock (_covered)
        {
            // Index of the first interval starting after range.Start.
            int next = UpperBound(range.Start);
            if (next > 0 && _covered[next - 1].End > range.Start)
            {
                throw Overlap(range, _covered[next - 1]);
            }

            if (next < _covered.Count && _covered[next].Start < range.End)
            {
                throw Overlap(range, _covered[next]);
            }

            bool joinsPrevious = next > 0 && _covered[next - 1].End == range.Start;
            bool joinsNext = next < _covered.Count && _covered[next].Start == range.End;
            if (joinsPrevious && joinsNext)
            {
                _covered[next - 1] = _covered[next - 1] with { End = _covered[next].End };
                _covered.RemoveAt(next);
            }
            else if (joinsPrevious)
            {
                _covered[next - 1] = _covered[next - 1] with { End = range.End };
            }
            else if (joinsNext)
            {
                _covered[next] = _covered[next] with { Start = range.Start };
            }
            else
            {
                _covered.Insert(next, range);
            }
        }
    }

    /// <summary>Throws unless the claimed ranges cover <c>[0, count)</c> with no gap.</summary>
    public void EnsureComplete()
    {
        lock (_covered)
        {
            if (count == 0 || (_covered.Count == 1 && _covered[0] == new IndexRange(0, count)))
            {
                return;
            }

            long gapStart = _covered.Count == 0 || _covered[0].Start > 0 ? 0 : _covered[0].End;
            long gapEnd = _covered.Count == 0 ? count : _covered.FirstOrDefault(r => r.Start > gapStart, new IndexRange(count, count)).Start;
            throw new InvalidPartitioningException(partitionerName, $"left the indices {new IndexRange(gapStart, gapEnd)} uncovered; ranges must cover [0, {count}) exactly once.", null);
        }
    }

    private int UpperBound(long start)
    {
        int lo = 0, hi = _covered.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_covered[mid].Start <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private InvalidPartitioningException Overlap(IndexRange range, IndexRange claimed) =>
        new(partitionerName, $"yielded the range {range}, which overlaps indices already yielded in {claimed}; ranges must cover [0, {count}) exactly once.", null);
}

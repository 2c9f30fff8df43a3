using System.Diagnostics;

namespace ParallelSum.Execution;

/// <summary>
/// Checks that the ranges a partitioner yields cover <c>[0, count)</c> exactly once, in constant time per range and
/// <c>O(k log k)</c> at the end for the <c>k</c> claimed intervals that never joined up.
/// </summary>
/// <remarks>
/// <para>Ranges are claimed before their values are generated. A range is refused at once when it lies outside
/// <c>[0, count)</c>, starts or ends where a claimed interval does, or would bring the claimed total above <c>count</c>: a
/// broken partitioner can never make a call generate more than <c>count</c> values. Any other overlap, and every gap, is
/// found by <see cref="EnsureComplete"/> once every sequence has ended.</para>
/// <para>Claimed ranges are kept as disjoint intervals keyed by their start and by their end, joined when adjacent, so memory is
/// bounded by the ranges actually yielded, and stays proportional to the ranges in flight for partitioners that hand out
/// ranges in roughly increasing order. Thread-safe.</para>
/// </remarks>
internal sealed class CoverageTracker(long count, string partitionerName)
{
    private readonly Dictionary<long, long> _endByStart = [];
    private readonly Dictionary<long, long> _startByEnd = [];
    private long _claimed;

    /// <summary>Records <paramref name="range"/>; throws if it is out of bounds, or certainly overlaps a range claimed before.</summary>
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

        lock (_endByStart)
        {
            // Both lengths are at most count, so the sum cannot wrap.
            if (_claimed + range.Length > count || _endByStart.ContainsKey(range.Start) || _startByEnd.ContainsKey(range.End))
            {
                throw Overlap(range);
            }

            _claimed += range.Length;
            long start = range.Start, end = range.End;
            // Join the intervals that end where this range starts and start where it ends. Their outer keys stay: the two
            // assignments below overwrite them with the joined interval's other end.
            if (_startByEnd.Remove(start, out long previousStart))
            {
                start = previousStart;
            }

            if (_endByStart.Remove(end, out long nextEnd))
            {
                end = nextEnd;
            }

            _endByStart[start] = end;
            _startByEnd[end] = start;
        }
    }

    /// <summary>Throws unless the claimed ranges cover <c>[0, count)</c> exactly once.</summary>
    public void EnsureComplete()
    {
        lock (_endByStart)
        {
            // Intervals only join where one ends and the next starts, so each is a chain of disjoint ranges as long as their
            // sum. One interval holding count claimed values within [0, count) is therefore [0, count).
            if (count == 0 || (_claimed == count && _endByStart.Count == 1))
            {
                return;
            }

            // Adjacent intervals always join, so with the total right and no overlap there would be one interval left.
            IndexRange[] intervals = Sorted(null);
            if (HasOverlap(intervals))
            {
                throw Overlap(null);
            }

            long covered = 0;
            foreach (IndexRange interval in intervals)
            {
                if (interval.Start > covered)
                {
                    break;
                }

                covered = interval.End;
            }

            // Stryker disable once Equality : equivalent; no claimed interval starts where the covered prefix ends (it would have joined it).
            long gapEnd = intervals.FirstOrDefault(r => r.Start > covered, new IndexRange(count, count)).Start;
            throw new InvalidPartitioningException(partitionerName, $"left the indices {new IndexRange(covered, gapEnd)} uncovered; ranges must cover [0, {count}) exactly once.", null);
        }
    }

    private static bool HasOverlap(IndexRange[] sorted)
    {
        for (int i = 1; i < sorted.Length; i++)
        {
            // Stryker disable once Equality : equivalent; claimed intervals never touch (touching ones are joined), so a start never equals the previous end.
            if (sorted[i].Start < sorted[i - 1].End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The claimed intervals, and <paramref name="extra"/> if given, sorted by start.</summary>
    private IndexRange[] Sorted(IndexRange? extra)
    {
        var intervals = new IndexRange[_endByStart.Count + (extra is null ? 0 : 1)];
        int i = 0;
        foreach ((long start, long end) in _endByStart)
        {
            intervals[i++] = new IndexRange(start, end);
        }

        if (extra is { } e)
        {
            intervals[i] = e;
        }

        // Claimed intervals have distinct starts; the extra range may share one, and is then named second either way.
        Array.Sort(intervals, static (a, b) => a.Start.CompareTo(b.Start));
        return intervals;
    }

    /// <summary>The error naming <paramref name="range"/> (when given) and an interval it overlaps, found by one sort.</summary>
    private InvalidPartitioningException Overlap(IndexRange? range)
    {
        IndexRange[] sorted = Sorted(range);
        // Sorted by start, any overlap shows between neighbours.
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Start < sorted[i - 1].End)
            {
                // Name the new range, when it is one of the pair, as the one yielded second.
                (IndexRange later, IndexRange earlier) = range is { } r && sorted[i - 1] == r ? (sorted[i - 1], sorted[i]) : (sorted[i], sorted[i - 1]);
                return new(partitionerName, $"yielded the range {later}, which overlaps indices already yielded in {earlier}; ranges must cover [0, {count}) exactly once.", null);
            }
        }

        // Unreachable: ranges within [0, count) whose lengths add up to more than count overlap somewhere, and claimed
        // intervals (with the new range) that overlap show it between neighbours once sorted by start.
        // Stryker disable once all : unreachable, so nothing it says can be observed.
        throw new UnreachableException($"{partitionerName}: an overlap was reported but none was found.");
    }
}

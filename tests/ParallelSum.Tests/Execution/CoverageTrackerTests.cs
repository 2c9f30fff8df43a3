using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ParallelSum.Execution;

namespace ParallelSum.Tests.Execution;

/// <summary>
/// The engine's exact-cover check, against a second implementation that marks every index in an array: a list of ranges
/// passes (every claim accepted, the end check silent) exactly when it covers <c>[0, count)</c> once, and a gap is named
/// by its first uncovered index and the end of that uncovered run.
/// </summary>
public class CoverageTrackerTests
{
    private const string Name = "under-test";

    /// <summary>Ranges over a small count, most of them near an exact tiling so both outcomes are common.</summary>
    public static Arbitrary<(int Count, IndexRange[] Ranges)> Cases() =>
        (from count in Gen.Choose(0, 24)
         from cuts in Gen.ListOf(Gen.Choose(0, count))
         from order in Gen.Shuffle(Tiling(count, cuts))
         from edit in Gen.Choose(0, 5)
         from a in Gen.Choose(0, count + 1)
         from b in Gen.Choose(0, count + 1)
         select (count, Edit(order, edit, a, b))).ToArbitrary();

    [Fact]
    public void AnOverlap_FoundByTheTotal_NamesTheIntervalItOverlaps_NotTheOneItTouches()
    {
        // [5, 8) touches [0, 5) and overlaps [7, 10); only the total (11 of 10) shows the overlap when it is claimed.
        var tracker = new CoverageTracker(10, Name);
        tracker.Claim(new IndexRange(0, 5));
        tracker.Claim(new IndexRange(7, 10));

        var e = Assert.Throws<InvalidPartitioningException>(() => tracker.Claim(new IndexRange(5, 8)));

        Assert.Equal($"Partitioner '{Name}': yielded the range [5, 8), which overlaps indices already yielded in [7, 10); ranges must cover [0, 10) exactly once.", e.Message);
    }

    [Property(MaxTest = 2000, Arbitrary = [typeof(CoverageTrackerTests)])]
    public void Tracker_AcceptsExactlyTheExactCovers((int Count, IndexRange[] Ranges) input)
    {
        (int count, IndexRange[] ranges) = input;
        bool exactCover = Marks(count, ranges) is { } marks && marks.All(m => m == 1);

        Exception? refusal = Record.Exception(() => Track(count, ranges));

        if (exactCover)
        {
            Assert.Null(refusal);
        }
        else
        {
            InvalidPartitioningException e = Assert.IsType<InvalidPartitioningException>(refusal);
            Assert.Equal(Name, e.PartitionerName);
            Assert.Contains($"exactly once", e.Message, StringComparison.Ordinal);
        }
    }

    [Property(MaxTest = 2000, Arbitrary = [typeof(CoverageTrackerTests)])]
    public void Gap_IsNamedByItsFirstIndexAndTheEndOfTheUncoveredRun((int Count, IndexRange[] Ranges) input)
    {
        (int count, IndexRange[] ranges) = input;
        int[]? marks = Marks(count, ranges);
        if (marks is null || marks.Any(m => m > 1) || marks.All(m => m == 1))
        {
            // Not a gap-only case: out of range, overlapping, or complete.
            return;
        }

        int first = Array.IndexOf(marks, 0);
        int end = first;
        while (end < count && marks[end] == 0)
        {
            end++;
        }

        var e = Assert.Throws<InvalidPartitioningException>(() => Track(count, ranges));
        Assert.Contains($"left the indices [{first}, {end}) uncovered; ranges must cover [0, {count}) exactly once.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 3, 10)] // nothing before 3
    [InlineData(10, 0, 7)] // nothing from 7
    public void OneRange_WithAGapAtEitherEnd_NamesTheGap(long count, long start, long end)
    {
        var tracker = new CoverageTracker(count, Name);
        tracker.Claim(new IndexRange(start, end));
        var e = Assert.Throws<InvalidPartitioningException>(tracker.EnsureComplete);
        string gap = start > 0 ? $"[0, {start})" : $"[{end}, {count})";
        Assert.Contains($"left the indices {gap} uncovered", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingClaimed_OfAPositiveCount_NamesTheWholeRangeUncovered()
    {
        var tracker = new CoverageTracker(5, Name);
        var e = Assert.Throws<InvalidPartitioningException>(tracker.EnsureComplete);
        Assert.Contains("left the indices [0, 5) uncovered", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountZero_NeedsNoRange_AndEmptyRangesAreIgnored()
    {
        var tracker = new CoverageTracker(0, Name);
        tracker.Claim(new IndexRange(0, 0));
        tracker.EnsureComplete();
    }

    [Fact]
    public void EmptyRanges_AnywhereInside_NeitherCoverNorOverlap()
    {
        var tracker = new CoverageTracker(4, Name);
        tracker.Claim(new IndexRange(2, 2));
        tracker.Claim(new IndexRange(0, 4));
        tracker.Claim(new IndexRange(2, 2));
        tracker.Claim(new IndexRange(4, 4));
        tracker.EnsureComplete();
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(3, 11)]
    [InlineData(5, 4)]
    public void OutOfBoundsRange_IsRefusedAtOnce_NamingItAndTheBounds(long start, long end)
    {
        var tracker = new CoverageTracker(10, Name);
        var range = new IndexRange(start, end);
        var e = Assert.Throws<InvalidPartitioningException>(() => tracker.Claim(range));
        Assert.Contains($"yielded the range {range}, which is not within [0, 10) with start <= end", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 10, 20, 10, 15)] // the same start
    [InlineData(100, 10, 20, 15, 20)] // the same end
    [InlineData(100, 10, 20, 5, 20)] // the same end, the new range sorting first
    [InlineData(10, 2, 8, 0, 5)] // no shared edge, but more values in all than the count
    public void OverlapSeenAtTheClaim_IsRefusedThen_NamingTheNewRangeAsTheOneYieldedSecond(long count, long firstStart, long firstEnd, long secondStart, long secondEnd)
    {
        var tracker = new CoverageTracker(count, Name);
        tracker.Claim(new IndexRange(firstStart, firstEnd));
        var e = Assert.Throws<InvalidPartitioningException>(() => tracker.Claim(new IndexRange(secondStart, secondEnd)));
        Assert.Contains($"yielded the range [{secondStart}, {secondEnd}), which overlaps indices already yielded in [{firstStart}, {firstEnd})", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlapInside_WithTheTotalStillBelowTheCount_IsFoundAtTheEnd()
    {
        var tracker = new CoverageTracker(100, Name);
        tracker.Claim(new IndexRange(0, 10));
        tracker.Claim(new IndexRange(5, 8));
        var e = Assert.Throws<InvalidPartitioningException>(tracker.EnsureComplete);
        Assert.Contains("overlaps indices already yielded in [0, 10)", e.Message, StringComparison.Ordinal);
        Assert.Contains("[5, 8)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AdjacentRanges_InAnyOrder_JoinIntoOneCover()
    {
        var tracker = new CoverageTracker(9, Name);
        tracker.Claim(new IndexRange(3, 6));
        tracker.Claim(new IndexRange(6, 9));
        tracker.Claim(new IndexRange(0, 3));
        tracker.EnsureComplete();
    }

    [Fact]
    public void ThreadsClaimingDisjointRangesAtOnce_LoseNoClaim()
    {
        const int Ranges = 20_000;
        var tracker = new CoverageTracker(Ranges, Name);
        Parallel.For(0, Ranges, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => tracker.Claim(new IndexRange(i, i + 1)));
        tracker.EnsureComplete();
    }

    private static void Track(long count, IEnumerable<IndexRange> ranges)
    {
        var tracker = new CoverageTracker(count, Name);
        foreach (IndexRange range in ranges)
        {
            tracker.Claim(range);
        }

        tracker.EnsureComplete();
    }

    /// <summary>How often each index is covered, or <see langword="null"/> if a range lies outside <c>[0, count)</c> or is reversed.</summary>
    private static int[]? Marks(int count, IEnumerable<IndexRange> ranges)
    {
        var marks = new int[count];
        foreach (IndexRange range in ranges)
        {
            if (range.Start < 0 || range.End > count || range.Start > range.End)
            {
                return null;
            }

            for (long i = range.Start; i < range.End; i++)
            {
                marks[i]++;
            }
        }

        return marks;
    }

    private static IndexRange[] Tiling(int count, IEnumerable<int> cuts)
    {
        int[] points = cuts.Append(0).Append(count).Distinct().Order().ToArray();
        return points.Zip(points.Skip(1), (s, e) => new IndexRange(s, e)).ToArray();
    }

    /// <summary>Leaves the tiling alone, drops a range, adds one, or replaces one, so gaps, overlaps and bad ranges all occur.</summary>
    private static IndexRange[] Edit(IndexRange[] ranges, int edit, int a, int b)
    {
        var list = ranges.ToList();
        switch (edit)
        {
            case 1 when list.Count > 0: list.RemoveAt(a % list.Count); break;
            case 2: list.Insert(a % (list.Count + 1), new IndexRange(Math.Min(a, b), Math.Max(a, b))); break;
            case 3 when list.Count > 0: list[b % list.Count] = new IndexRange(a, b); break;
            case 4: list.Add(new IndexRange(a, a)); break;
            default: break;
        }

        return [.. list];
    }
}

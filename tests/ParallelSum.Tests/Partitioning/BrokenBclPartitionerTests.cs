using System.Collections.Concurrent;

namespace ParallelSum.Tests.Partitioning;

/// <summary>
/// A BCL range partitioner that breaks its contract (a null partition, a null tuple) is named by the engine, with what it
/// did, rather than failing with a <see cref="NullReferenceException"/>.
/// </summary>
public class BrokenBclPartitionerTests
{
    [Fact]
    public void ANullPartition_IsNamed()
    {
        var e = Assert.Throws<InvalidPartitioningException>(() => ParallelReduction.Reduce(
            4, 1, 0L, r => r.Length, (a, b) => a + b, new ParallelRunOptions { MaxDegreeOfParallelism = 1, Partitioner = IndexRangePartitioners.FromRanges(new Yielding(null)) }));

        Assert.Contains("A partition of a BCL range partitioner is null or was enumerated twice.", e.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Yielding), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullTuple_IsNamed()
    {
        var e = Assert.Throws<InvalidPartitioningException>(() => ParallelReduction.Reduce(
            4, 1, 0L, r => r.Length, (a, b) => a + b, new ParallelRunOptions { MaxDegreeOfParallelism = 1, Partitioner = IndexRangePartitioners.FromRanges(new Yielding([null!])) }));

        Assert.Contains("The BCL range partitioner yielded a null tuple.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>One partition: <paramref name="tuples"/>, or a null enumerator when that is null.</summary>
    private sealed class Yielding(Tuple<long, long>[]? tuples) : Partitioner<Tuple<long, long>>
    {
        public override IList<IEnumerator<Tuple<long, long>>> GetPartitions(int partitionCount) =>
            [.. Enumerable.Range(0, partitionCount).Select(_ => tuples is null ? null! : ((IEnumerable<Tuple<long, long>>)tuples).GetEnumerator())];
    }
}

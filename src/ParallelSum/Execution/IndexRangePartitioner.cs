using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ParallelSum.Execution;

/// <summary>
/// Decides how the indices <c>[0, count)</c> of a parallel run are split into ranges, for as many partitions as the run has
/// workers. The engine decides how many workers run (<see cref="ParallelRunOptions.MaxDegreeOfParallelism"/>); a partitioner
/// only decides how to split, as <see cref="Partitioner{TSource}.GetPartitions(int)"/> does in the BCL.
/// <see cref="IndexRangePartitioners"/> has the built-in ones, and any BCL range partitioner such as
/// <c>Partitioner.Create(0L, count, rangeSize)</c> converts to one.
/// </summary>
/// <remarks>
/// <para>The contract, checked by the engine on every call:</para>
/// <list type="number">
/// <item><description><see cref="GetPartitions(long, int)"/> returns exactly <c>partitionCount</c> partitions, none of them
/// <see langword="null"/>. Each partition is a sequence of ranges that one worker enumerates, once, while other workers
/// enumerate theirs: partitions that draw from shared state (as dynamic chunking does) must make that state thread-safe.
/// A worker that finishes its partition takes the next one nobody has started, so a partition must never wait for another.</description></item>
/// <item><description>Across all partitions the ranges cover <c>[0, count)</c> exactly once: every range lies within it, no two
/// overlap, nothing is left out. Empty ranges are allowed and ignored.</description></item>
/// <item><description><see cref="GetPartitions(long, int)"/> is called once per run; a partitioner keeps no state between calls
/// and so is safe to use from many threads at once.</description></item>
/// </list>
/// <para>When a partitioner breaks the contract, or its code throws (from <see cref="GetPartitions(long, int)"/>, the list,
/// <c>GetEnumerator</c>, <c>MoveNext</c>, <c>Current</c> or <c>Dispose</c>; an <see cref="OperationCanceledException"/> of its
/// own included, unless the caller's token is canceled), the run ends with an <see cref="InvalidPartitioningException"/>
/// naming it: no result is ever returned from a broken partitioning. A range outside <c>[0, count)</c>, one that starts or
/// ends where an earlier one did, or one that would bring the total above <c>count</c> is refused before any of its work
/// runs; any other overlap, and every gap, is found when every partition has ended.</para>
/// <para>Partitioner code runs on the run's workers and is never interrupted: one that blocks holds its worker, and delays
/// cancellation, for as long as it blocks.</para>
/// </remarks>
[SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "The named alternate is IndexRangePartitioners.FromRanges, with the other factories.")]
public abstract class IndexRangePartitioner
{
    /// <summary>Gets a short stable name, such as <c>static-blocks</c>, shown in results and errors.</summary>
    /// <value>By default the name of the partitioner's type.</value>
    public virtual string Name => GetType().Name;

    /// <summary>Splits <c>[0, count)</c> into <paramref name="partitionCount"/> partitions, one per worker.</summary>
    /// <param name="count">The number of indices to cover, 0 or more.</param>
    /// <param name="partitionCount">How many partitions to return, 1 or more: the number of workers of the run.</param>
    /// <returns>Exactly <paramref name="partitionCount"/> sequences of ranges that together cover <c>[0, count)</c> exactly once.</returns>
    public abstract IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount);

    /// <summary>Uses a BCL range partitioner, such as <c>Partitioner.Create(0L, count, rangeSize)</c>, as an index range
    /// partitioner; see <see cref="IndexRangePartitioners.FromRanges(Partitioner{Tuple{long, long}})"/>.</summary>
    /// <param name="ranges">The BCL partitioner of <c>[from, to)</c> tuples.</param>
    /// <returns>The partitioner.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ranges"/> is <see langword="null"/>.</exception>
    public static implicit operator IndexRangePartitioner(Partitioner<Tuple<long, long>> ranges) => IndexRangePartitioners.FromRanges(ranges);
}

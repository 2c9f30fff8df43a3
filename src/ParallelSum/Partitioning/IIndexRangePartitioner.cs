namespace ParallelSum;

/// <summary>
/// Decides how the indices <c>[0, count)</c> of a request are split into ranges, and into how many sequences the workers take in turn.
/// Ranges are relative to the request: index <c>k</c> is stream index <c>StartIndex + k</c>.
/// The partitioned strategies (<see cref="ParallelForStrategy"/>, <see cref="SimdChunksStrategy"/>,
/// <see cref="StreamingStrategy"/>) accept any implementation; <see cref="IndexRangePartitioners"/> has the built-in ones.
/// </summary>
/// <remarks>
/// <para>The contract, checked by the library on every call:</para>
/// <list type="number">
/// <item><description><see cref="Partition(long)"/> returns one sequence of ranges per worker (at least 1 when count is above 0).
/// Neither the list nor any sequence is <see langword="null"/>. Each sequence gets its own worker up to the strategy's
/// <see cref="PartitionedStrategyOptions.MaxDegreeOfParallelism"/> (by default 64, or one per processor if there are more);
/// beyond it a worker takes the next sequence nobody has taken when it finishes one, so a sequence must never wait for
/// another one.</description></item>
/// <item><description>Across all sequences the ranges cover <c>[0, count)</c> exactly once: every range lies within it, no two
/// overlap, nothing is left out. Empty ranges are allowed and ignored.</description></item>
/// <item><description>Each sequence is enumerated once, by one worker, while others enumerate theirs at the same time: a sequence
/// that draws from state shared with the others (as dynamic chunking does) must make that state thread-safe.</description></item>
/// <item><description><see cref="Partition(long)"/> is called once per strategy call; implementations keep no state between calls
/// and so are safe to use from many threads at once.</description></item>
/// </list>
/// <para>When a partitioner breaks the contract, or its code throws (an <see cref="OperationCanceledException"/> of its own
/// included, unless the caller's token is canceled), the call ends with an <see cref="InvalidPartitioningException"/> naming
/// it: a sum is never returned from a broken partitioning. A range outside <c>[0, count)</c>, one that starts or ends where an
/// earlier one did, or one that would bring the total yielded above <c>count</c> is refused before any of its values is
/// generated, so a broken partitioner never makes a call generate more than <c>count</c> values. Any other overlap, and every
/// gap, is found when every sequence has ended.</para>
/// <para>Huge numbers of tiny ranges work, and cost what they ask for: each range costs a constant-time check and the
/// range's own work, and the check keeps one entry per run of adjacent ranges not yet joined (at most one per range
/// yielded; a few in all for ranges handed out in increasing order). A list of millions of sequences costs nothing up front:
/// each sequence is read when a worker takes it. Cancellation is checked before every sequence and every range, so it
/// is honoured promptly however many there are.</para>
/// <para>Partitioner code (<see cref="Partition(long)"/>, the list's indexer, <c>GetEnumerator</c>, <c>MoveNext</c>) runs on
/// the call's workers and is never interrupted: a partitioner that blocks holds its worker, and delays cancellation, for as
/// long as it blocks. One that never returns makes the call never return.</para>
/// </remarks>
public interface IIndexRangePartitioner
{
    /// <summary>Gets a short stable name, such as <c>static-blocks(4)</c>, shown in results and errors.</summary>
    string Name { get; }

    /// <summary>Splits <c>[0, count)</c> into one sequence of ranges per worker.</summary>
    /// <param name="count">The number of indices to cover, 0 or more.</param>
    /// <returns>One sequence per worker; for a count of 0, any number of sequences yielding only empty ranges, or none.</returns>
    IReadOnlyList<IEnumerable<IndexRange>> Partition(long count);
}

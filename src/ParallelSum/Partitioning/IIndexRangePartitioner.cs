namespace ParallelSum;

/// <summary>
/// Decides how the indices <c>[0, count)</c> of a request are split into ranges and how many workers run at once.
/// Ranges are relative to the request: index <c>k</c> is stream index <c>StartIndex + k</c>.
/// The partitioned strategies (<see cref="ParallelForStrategy"/>, <see cref="SimdChunksStrategy"/>,
/// <see cref="StreamingStrategy"/>) accept any implementation; <see cref="IndexRangePartitioners"/> has the built-in ones.
/// </summary>
/// <remarks>
/// <para>The contract, checked by the library on every call:</para>
/// <list type="number">
/// <item><description><see cref="Partition(long)"/> returns one sequence of ranges per worker; the number of sequences is how many
/// workers run at once (at least 1 when count is above 0). Neither the list nor any sequence is <see langword="null"/>.</description></item>
/// <item><description>Across all sequences the ranges cover <c>[0, count)</c> exactly once: every range lies within it, no two
/// overlap, nothing is left out. Empty ranges are allowed and ignored.</description></item>
/// <item><description>Each sequence is enumerated once, by one worker, while others enumerate theirs at the same time: a sequence
/// that draws from state shared with the others (as dynamic chunking does) must make that state thread-safe.</description></item>
/// <item><description><see cref="Partition(long)"/> is called once per strategy call; implementations keep no state between calls
/// and so are safe to use from many threads at once.</description></item>
/// </list>
/// <para>When a partitioner breaks the contract, or its code throws, the call ends with an
/// <see cref="InvalidPartitioningException"/> naming it: a sum is never returned from a broken partitioning. An out-of-bounds or
/// overlapping range is refused before any value of it is generated; a gap is found when every sequence has ended.</para>
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

namespace ParallelSum.Execution;

/// <summary>A half-open range of indices, <c>[Start, End)</c>.</summary>
/// <remarks>The constructor does not validate: a partitioner may yield any pair, and the engine checks each one
/// against the run (see <see cref="IndexRangePartitioner"/>). Use <see cref="IsValid"/> to check by hand.</remarks>
/// <param name="Start">The first index in the range.</param>
/// <param name="End">The index one past the last in the range.</param>
public readonly record struct IndexRange(long Start, long End)
{
    /// <summary>Gets the number of indices in the range; negative only for an invalid range.</summary>
    public long Length => End - Start;

    /// <summary>Gets whether the range holds no index.</summary>
    public bool IsEmpty => End == Start;

    /// <summary>Creates the range of <paramref name="length"/> indices starting at <paramref name="start"/>.</summary>
    /// <param name="start">The first index, 0 or more.</param>
    /// <param name="length">How many indices, 0 or more.</param>
    /// <returns>The range <c>[start, start + length)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or <c>start + length</c> exceeds <see cref="long.MaxValue"/>.</exception>
    public static IndexRange FromStartAndLength(long start, long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, long.MaxValue - length);
        return new IndexRange(start, start + length);
    }

    /// <summary>Gets whether the range lies within <c>[0, count)</c> with <c>Start &lt;= End</c>.</summary>
    /// <param name="count">The number of indices in the whole run.</param>
    /// <returns><see langword="true"/> when <c>0 &lt;= Start &lt;= End &lt;= count</c>.</returns>
    public bool IsValid(long count) => Start >= 0 && Start <= End && End <= count;

    /// <summary>Returns the range as <c>[Start, End)</c>.</summary>
    /// <returns>The range in interval notation.</returns>
    public override string ToString() => $"[{Start}, {End})";
}

namespace ParallelSum.Execution;

/// <summary>
/// Splits <c>[start, start + count)</c> into consecutive steps of at most <c>stepLength</c> indices, in order, with a
/// remaining-count loop: no index is ever computed beyond <c>start + count</c>, so a range that ends at
/// <see cref="long.MaxValue"/> (or an array of <see cref="Array.MaxLength"/> items) cannot make the loop wrap.
/// </summary>
/// <remarks>Every index loop of the engine and the strategies runs on it, so the arithmetic that must not wrap is written once.
/// A struct enumerator: <c>foreach</c> over it allocates nothing.</remarks>
internal struct IndexSteps
{
    private readonly long _stepLength;
    private long _next;
    private long _remaining;

    /// <summary>Creates the steps of <c>[start, start + count)</c>.</summary>
    /// <exception cref="OverflowException"><c>start + count</c> exceeds <see cref="long.MaxValue"/>: a caller's bug, never wrapped.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or <paramref name="stepLength"/> is below 1.</exception>
    public IndexSteps(long start, long count, long stepLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepLength, 1);
        _ = checked(start + count);
        _stepLength = stepLength;
        _next = start;
        _remaining = count;
    }

    /// <summary>Gets the current step.</summary>
    public IndexRange Current { get; private set; }

    /// <summary>The steps of <paramref name="range"/>.</summary>
    public static IndexSteps Of(IndexRange range, long stepLength) => new(range.Start, range.Length, stepLength);

    /// <summary>Returns this enumerator, so the steps can be used in <c>foreach</c>.</summary>
    public readonly IndexSteps GetEnumerator() => this;

    /// <summary>Moves to the next step; <see langword="false"/> once the whole range has been handed out.</summary>
    public bool MoveNext()
    {
        if (_remaining == 0)
        {
            return false;
        }

        // length <= _remaining, so _next + length <= start + count: checked in the constructor, cannot wrap here.
        long length = Math.Min(_stepLength, _remaining);
        Current = new IndexRange(_next, _next + length);
        _next += length;
        _remaining -= length;
        return true;
    }
}

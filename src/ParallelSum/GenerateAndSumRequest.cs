using ParallelSum.Generation;

namespace ParallelSum;

/// <summary>
/// What to generate and sum: the <see cref="Count"/> values of the random stream for <see cref="Seed"/> at indices
/// <c>[StartIndex, StartIndex + Count)</c>, each in <c>[Min, Max]</c>.
/// </summary>
/// <remarks>Immutable and validated on construction, so a request that exists is a valid one. <see cref="StartIndex"/> lets
/// one process or machine sum its own slice of a larger request: the slices' sums add up to the whole exactly.</remarks>
public sealed class GenerateAndSumRequest : IEquatable<GenerateAndSumRequest>
{
    /// <summary>Creates a request.</summary>
    /// <param name="count">How many values to generate, 0 or more; the indices are <c>[0, count)</c>.</param>
    /// <param name="seed">The stream's seed; any 64-bit value.</param>
    /// <param name="min">The inclusive lower bound of each value. Defaults to 0, as in the original experiment.</param>
    /// <param name="max">The inclusive upper bound of each value, at least <paramref name="min"/>. Defaults to 10.</param>
    /// <param name="startIndex">The stream index of the first value, 0 or more. Defaults to 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="count"/> or <paramref name="startIndex"/> is negative, their sum exceeds <see cref="long.MaxValue"/>,
    /// or <paramref name="max"/> is less than <paramref name="min"/>.
    /// </exception>
    public GenerateAndSumRequest(long count, ulong seed, int min = RandomStream.DefaultMin, int max = RandomStream.DefaultMax, long startIndex = 0)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be 0 or more (any value from 0 to 9223372036854775807).");
        }

        if (startIndex < 0 || startIndex > long.MaxValue - count)
        {
            throw new ArgumentOutOfRangeException(nameof(startIndex), startIndex, $"startIndex must be 0 or more, and startIndex + count ({count}) at most 9223372036854775807.");
        }

        Stream = new RandomStream(seed, min, max);
        Count = count;
        StartIndex = startIndex;
    }

    /// <summary>Gets the stream index of the first value; the request covers <c>[StartIndex, StartIndex + Count)</c>.</summary>
    public long StartIndex { get; }

    /// <summary>Gets how many values to generate.</summary>
    public long Count { get; }

    /// <summary>Gets the seed.</summary>
    public ulong Seed => Stream.Seed;

    /// <summary>Gets the inclusive lower bound of each value.</summary>
    public int Min => Stream.Min;

    /// <summary>Gets the inclusive upper bound of each value.</summary>
    public int Max => Stream.Max;

    /// <summary>Gets the random stream the values come from.</summary>
    public RandomStream Stream { get; }

    /// <summary>Gets the smallest sum the request can have, <c>Count * Min</c>.</summary>
    public Int128 MinimumSum => (Int128)Count * Min;

    /// <summary>Gets the largest sum the request can have, <c>Count * Max</c>.</summary>
    public Int128 MaximumSum => (Int128)Count * Max;

    /// <inheritdoc />
    public bool Equals(GenerateAndSumRequest? other) => other is not null && Count == other.Count && StartIndex == other.StartIndex && Stream == other.Stream;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GenerateAndSumRequest);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, StartIndex, Stream);

    /// <summary>Returns a description such as <c>count 1000, seed 42, [0, 10]</c>, with <c>from index N</c> when the start is not 0.</summary>
    /// <returns>The count, seed, range and start index.</returns>
    public override string ToString() => $"count {Count}, seed {Seed}, [{Min}, {Max}]{(StartIndex == 0 ? "" : $", from index {StartIndex}")}";
}

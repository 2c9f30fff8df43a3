namespace ParallelSum;

/// <summary>What to generate and sum: <see cref="Count"/> values of the random stream for <see cref="Seed"/>, each in <c>[Min, Max]</c>.</summary>
/// <remarks>Immutable and validated on construction, so a request that exists is a valid one.</remarks>
public sealed class GenerateAndSumRequest : IEquatable<GenerateAndSumRequest>
{
    /// <summary>Creates a request.</summary>
    /// <param name="count">How many values to generate, 0 or more; the indices are <c>[0, count)</c>.</param>
    /// <param name="seed">The stream's seed; any 64-bit value.</param>
    /// <param name="min">The inclusive lower bound of each value. Defaults to 0, as in the original experiment.</param>
    /// <param name="max">The inclusive upper bound of each value, at least <paramref name="min"/>. Defaults to 10.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, or <paramref name="max"/> is less than <paramref name="min"/>.</exception>
    public GenerateAndSumRequest(long count, ulong seed, int min = RandomStream.DefaultMin, int max = RandomStream.DefaultMax)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be 0 or more (any value from 0 to 9223372036854775807).");
        }

        Stream = new RandomStream(seed, min, max);
        Count = count;
    }

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
    public bool Equals(GenerateAndSumRequest? other) => other is not null && Count == other.Count && Stream == other.Stream;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GenerateAndSumRequest);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Stream);

    /// <summary>Returns a description such as <c>count 1000, seed 42, [0, 10]</c>.</summary>
    /// <returns>The count, seed and range.</returns>
    public override string ToString() => $"count {Count}, seed {Seed}, [{Min}, {Max}]";
}

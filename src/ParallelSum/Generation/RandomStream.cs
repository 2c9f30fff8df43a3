using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using ParallelSum.Generation.Kernels;

namespace ParallelSum.Generation;

/// <summary>
/// The ParallelSum random stream, version 1: the one definition of "the value at index i" that every strategy computes.
/// </summary>
/// <remarks>
/// <para>
/// The value at index <c>i</c> depends only on (<see cref="Seed"/>, <c>i</c>, <see cref="Min"/>, <see cref="Max"/>).
/// Any split of an index range — one thread, many threads, SIMD lanes, chunks, processes, machines — therefore
/// yields the same values and the same exact sum. The definition is in <c>docs/random-stream-v1.md</c>:
/// SplitMix64 words reduced to <c>[Min, Max]</c> by Lemire's multiply-shift with rejection, so every value in the
/// range is exactly equally likely.
/// </para>
/// <para><c>default(RandomStream)</c> and <c>new RandomStream()</c> are the same stream as <c>new RandomStream(0)</c>: seed 0
/// over the default range <c>[0, 10]</c>.</para>
/// <para>This type is an immutable value; all members are safe to call from many threads at once.</para>
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "\"Random stream\" is the specification's term; the type is a value, not a System.IO.Stream.")]
public readonly struct RandomStream : IEquatable<RandomStream>
{
    /// <summary>The default inclusive lower bound, 0, as in the original experiment.</summary>
    public const int DefaultMin = 0;

    /// <summary>The default inclusive upper bound, 10, as in the original experiment.</summary>
    public const int DefaultMax = 10;

    /// <summary>The rejection threshold of the default range, <c>2^64 mod 11</c>.</summary>
    private const ulong DefaultThreshold = unchecked(0UL - 11UL) % 11UL;

    // Every field is stored relative to the default range, so that default(RandomStream), all fields 0, is the stream of
    // seed 0 over [DefaultMin, DefaultMax]: the bounds as differences from the defaults (wrapping, so every int round-trips),
    // the threshold XOR the default range's.
    private readonly int _minFromDefault;
    private readonly int _maxFromDefault;
    private readonly ulong _thresholdXorDefault;

    /// <summary>Creates the stream for a seed and an inclusive value range.</summary>
    /// <param name="seed">Any 64-bit seed.</param>
    /// <param name="min">The smallest value the stream yields.</param>
    /// <param name="max">The largest value the stream yields; at least <paramref name="min"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is less than <paramref name="min"/>.</exception>
    public RandomStream(ulong seed, int min = DefaultMin, int max = DefaultMax)
    {
        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"max must be greater than or equal to min ({min}); the range [min, max] is inclusive.");
        }

        Seed = seed;
        _minFromDefault = unchecked(min - DefaultMin);
        _maxFromDefault = unchecked(max - DefaultMax);
        ulong rangeSize = (ulong)((long)max - min) + 1;
        // 2^64 mod r, computed without 128-bit arithmetic: (2^64 - r) mod r. Zero when r is a power of two.
        _thresholdXorDefault = ((0UL - rangeSize) % rangeSize) ^ DefaultThreshold;
    }

    /// <summary>Gets the seed.</summary>
    public ulong Seed { get; }

    /// <summary>Gets the inclusive lower bound of the values.</summary>
    public int Min => unchecked(_minFromDefault + DefaultMin);

    /// <summary>Gets the inclusive upper bound of the values.</summary>
    public int Max => unchecked(_maxFromDefault + DefaultMax);

    /// <summary>Gets the number of distinct values, <c>Max - Min + 1</c>: from 1 to 2^32.</summary>
    internal ulong RangeSize => (ulong)((long)Max - Min) + 1;

    /// <summary>Gets the rejection threshold <c>2^64 mod RangeSize</c>; a word whose reduced low half is below it is rejected.</summary>
    internal ulong Threshold => _thresholdXorDefault ^ DefaultThreshold;

    /// <summary>
    /// Returns the raw 64-bit word for an index and attempt: <c>mix64((seed ^ (attempt * RETRY)) + (index + 1) * GAMMA)</c>.
    /// Attempt 0 is exactly the index-th output of SplitMix64 started from <paramref name="seed"/>.
    /// </summary>
    /// <param name="seed">The stream's seed.</param>
    /// <param name="index">The 0-based index.</param>
    /// <param name="attempt">The attempt number; attempts after 0 are used only after a rejection.</param>
    /// <returns>The mixed 64-bit word.</returns>
    internal static ulong Word(ulong seed, ulong index, ulong attempt) => StreamMath.Word(seed, index, attempt);

    /// <summary>Returns the value at a 0-based index.</summary>
    /// <param name="index">The index, 0 or more.</param>
    /// <returns>The value at <paramref name="index"/>, in <c>[Min, Max]</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public int ValueAt(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return ValueAtUnchecked((ulong)index);
    }

    /// <summary>Writes the values at indices <c>startIndex, startIndex + 1, …</c> into <paramref name="destination"/>, with the widest
    /// SIMD kernel this machine accelerates.</summary>
    /// <param name="startIndex">The index of the first value, 0 or more.</param>
    /// <param name="destination">The span to fill; its length is the number of values written. An empty span writes nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="startIndex"/> is negative, or <c>startIndex + destination.Length</c> exceeds <see cref="long.MaxValue"/>.
    /// </exception>
    public void Fill(long startIndex, Span<int> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startIndex, long.MaxValue - destination.Length);
        StreamKernels.Fill(this, (ulong)startIndex, destination);
    }

    /// <summary>
    /// Returns the exact sum of the <paramref name="count"/> values starting at <paramref name="startIndex"/>, computed
    /// one scalar value after another on the calling thread: the sequential reference every strategy must equal, and many
    /// times slower than they are. To sum fast, use <c>RandomStreamSum</c> or a generate-and-sum strategy.
    /// </summary>
    /// <param name="startIndex">The index of the first value, 0 or more.</param>
    /// <param name="count">How many values to add, 0 or more. Zero values sum to 0.</param>
    /// <returns>The exact sum; <see cref="Int128"/> holds every possible total, so it never overflows.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="startIndex"/> or <paramref name="count"/> is negative, or their sum exceeds <see cref="long.MaxValue"/>.
    /// </exception>
    public Int128 ReferenceSum(long startIndex, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startIndex, long.MaxValue - count);
        return SumUnchecked(startIndex, count);
    }

    /// <summary>The exact sum of a range already validated by the caller, with the widest vector kernel this machine
    /// accelerates, on the calling thread: what every strategy calls for each step of its work.</summary>
    internal Int128 Sum(long startIndex, long count)
    {
        Int128 total = (Int128)count * Min;
        while (count > 0)
        {
            // The kernels take at most 2^32 values a call, so that no 64-bit lane of theirs can overflow. start + count was
            // checked by the caller, so neither step below can wrap.
            long block = Math.Min(count, 1L << 32);
            total += StreamKernels.SumOffsets(this, (ulong)startIndex, (ulong)block);
            startIndex += block;
            count -= block;
        }

        return total;
    }

    /// <summary>The sum of a range already validated by the caller.</summary>
    internal Int128 SumUnchecked(long startIndex, long count)
    {
        Int128 total = 0;
        while (count > 0)
        {
            // Offsets are below 2^32, so a block of at most 2^31 of them cannot overflow the 64-bit accumulator.
            long block = Math.Min(count, 1L << 31);
            total += SumOfBlock(startIndex, block);
            startIndex += block;
            count -= block;
        }

        return total;
    }

    /// <summary>The exact sum of at most 2^32 values: <c>count * Min + sum of offsets</c>.</summary>
    internal Int128 SumOfBlock(long startIndex, long count) =>
        (Int128)count * Min + ScalarKernels.SumOffsets(this, (ulong)startIndex, (ulong)count);

    /// <summary>The value at an index the caller has validated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int ValueAtUnchecked(ulong index) => unchecked((int)((uint)Min + StreamMath.OffsetAt(Seed, index, RangeSize, Threshold)));

    /// <inheritdoc />
    public bool Equals(RandomStream other) => Seed == other.Seed && Min == other.Min && Max == other.Max;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RandomStream other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Seed, Min, Max);

    /// <summary>Returns a description such as <c>RandomStream(seed 42, [0, 10])</c>.</summary>
    /// <returns>The seed and the inclusive range.</returns>
    public override string ToString() => $"RandomStream(seed {Seed}, [{Min}, {Max}])";

    /// <summary>Compares two streams for equal seed and range.</summary>
    /// <param name="left">The first stream.</param>
    /// <param name="right">The second stream.</param>
    /// <returns><see langword="true"/> when both have the same seed, minimum and maximum.</returns>
    public static bool operator ==(RandomStream left, RandomStream right) => left.Equals(right);

    /// <summary>Compares two streams for a different seed or range.</summary>
    /// <param name="left">The first stream.</param>
    /// <param name="right">The second stream.</param>
    /// <returns><see langword="true"/> when seed, minimum or maximum differ.</returns>
    public static bool operator !=(RandomStream left, RandomStream right) => !left.Equals(right);
}

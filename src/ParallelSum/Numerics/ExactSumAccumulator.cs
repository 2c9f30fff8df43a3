using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using ParallelSum.Execution;

namespace ParallelSum.Numerics;

/// <summary>
/// An exact running sum of doubles (and floats): every value added is kept exactly, whatever the magnitudes and the order,
/// and <see cref="ToDouble"/> or <see cref="ToSingle"/> rounds the exact sum once, to nearest with ties to even.
/// </summary>
/// <remarks>
/// <para>Use it where <see cref="ExactSum"/> does not fit: values that arrive over time, several sums in one pass, or your own
/// <see cref="ParallelReduction"/> (one accumulator per grain, <see cref="Add(ExactSumAccumulator)"/> to combine). Two
/// accumulators holding the same values give the same result whatever the order of additions and combinations.</para>
/// <para>Special values follow IEEE 754 for the exact sum: a NaN, or both +∞ and −∞, give NaN; otherwise an infinity gives
/// that infinity; a finite exact sum beyond the format's largest value gives ∞ of its sign; an exact zero is −0.0 only if
/// every value added was −0.0, and +0.0 otherwise (including when nothing was added).</para>
/// <para>Holds any sum of up to 2^141 values of the largest double magnitude; beyond that <see cref="Add(ExactSumAccumulator)"/>
/// throws <see cref="OverflowException"/>. About 600 bytes. Not thread-safe: use one per thread and combine them.</para>
/// </remarks>
public sealed class ExactSumAccumulator
{
    /// <summary>How many values the span and sequence methods widen or gather at a time on the stack: one block of the kernel.</summary>
    internal const int BufferLength = BinnedBlock.BlockLength;

    private readonly FixedPointSum _sum = new();
    private SumFlags _flags;

    /// <summary>Adds one value exactly.</summary>
    /// <param name="value">Any double, including infinities and NaN.</param>
    public void Add(double value)
    {
        _flags |= BinnedBlock.Classify(value);
        if (double.IsFinite(value))
        {
            _sum.AddFinite(value);
        }
    }

    /// <summary>Adds every value exactly, with this machine's widest vectors, on the calling thread.</summary>
    /// <param name="values">Any doubles, including infinities and NaN.</param>
    public void Add(ReadOnlySpan<double> values) => _flags |= BinnedBlockKernels.Add(values, _sum);

    /// <summary>Adds every value exactly (each float is a double exactly), on the calling thread.</summary>
    /// <param name="values">Any floats, including infinities and NaN.</param>
    [SkipLocalsInit]
    public void Add(ReadOnlySpan<float> values)
    {
        Span<double> widened = stackalloc double[BufferLength];
        while (!values.IsEmpty)
        {
            int length = Math.Min(BufferLength, values.Length);
            // Widening is exact for every float, NaN and infinities included; TensorPrimitives does it with vectors.
            TensorPrimitives.ConvertTruncating(values[..length], widened);
            Add(widened[..length]);
            values = values[length..];
        }
    }

    /// <summary>Adds the exact sum held by another accumulator, which is left unchanged.</summary>
    /// <param name="other">The accumulator to add; may be this one, which doubles it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="OverflowException">The sum's magnitude would reach 2^1165 (more than 2^141 values of the largest magnitude).</exception>
    public void Add(ExactSumAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _sum.Add(other._sum);
        _flags |= other._flags;
    }

    /// <summary>Removes every value: the accumulator is as new.</summary>
    public void Clear()
    {
        _sum.Clear();
        _flags = SumFlags.None;
    }

    /// <summary>Returns the exact sum of every value added, rounded once to the nearest double, ties to even.</summary>
    /// <returns>The correctly rounded sum; see the type's remarks for infinities, NaN, overflow and the sign of zero.
    /// +0.0 when nothing was added.</returns>
    public double ToDouble()
    {
        if (Special() is { } special)
        {
            return special;
        }

        ulong bits = _sum.RoundedMagnitudeBits(53, 0, out bool negative);
        if (bits == 0)
        {
            return ZeroSign(negative) ? -0.0 : 0.0;
        }

        // Stryker disable once Equality : equivalent; the bits 0x7FF0_0000_0000_0000 are those of infinity.
        double magnitude = bits >= 0x7FF0_0000_0000_0000UL ? double.PositiveInfinity : BitConverter.UInt64BitsToDouble(bits);
        return negative ? -magnitude : magnitude;
    }

    /// <summary>Returns the exact sum of every value added, rounded once to the nearest float, ties to even: never through a
    /// double first, so there is no double rounding.</summary>
    /// <returns>The correctly rounded sum as a float; as <see cref="ToDouble"/> for special values. A sum of doubles whose
    /// exact value lies below half the smallest float subnormal rounds to a zero of its sign.</returns>
    public float ToSingle()
    {
        if (Special() is { } special)
        {
            return (float)special;
        }

        // Float's smallest subnormal, 2^-149, sits at bit 1074 - 149 = 925 of the fixed-point sum.
        ulong bits = _sum.RoundedMagnitudeBits(24, 925, out bool negative);
        if (bits == 0)
        {
            return ZeroSign(negative) ? -0.0f : 0.0f;
        }

        // Stryker disable once Equality : equivalent; the bits 0x7F80_0000 are those of infinity.
        float magnitude = bits >= 0x7F80_0000UL ? float.PositiveInfinity : BitConverter.UInt32BitsToSingle((uint)bits);
        return negative ? -magnitude : magnitude;
    }

    /// <summary>As <see cref="Add(ReadOnlySpan{double})"/> at a given vector width (512, 256, 128 or 64); lets tests run every width.</summary>
    internal void Add(int width, ReadOnlySpan<double> values) => _flags |= BinnedBlockKernels.Add(width, values, _sum);

    /// <summary>NaN or an infinity when the values decide the result without their finite sum, else <see langword="null"/>.</summary>
    private double? Special()
    {
        const SumFlags BothInfinities = SumFlags.PositiveInfinity | SumFlags.NegativeInfinity;
        if ((_flags & SumFlags.NaN) != 0 || (_flags & BothInfinities) == BothInfinities)
        {
            return double.NaN;
        }

        if ((_flags & SumFlags.PositiveInfinity) != 0)
        {
            return double.PositiveInfinity;
        }

        return (_flags & SumFlags.NegativeInfinity) != 0 ? double.NegativeInfinity : null;
    }

    /// <summary>Whether a zero result is −0: an exact zero only when every value was −0.0; a non-zero sum that rounds to zero
    /// keeps its own sign.</summary>
    private bool ZeroSign(bool negative) =>
        _sum.IsZero ? (_flags & (SumFlags.AnyValue | SumFlags.NotNegativeZero)) == SumFlags.AnyValue : negative;
}

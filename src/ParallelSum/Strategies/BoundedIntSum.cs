using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ParallelSum.Strategies;

/// <summary>Exact sums of int spans whose values lie in a known range: with <see cref="TensorPrimitives"/> for narrow ranges, with
/// one vector pass of two 32-bit sums for wide ones.</summary>
/// <remarks><see cref="TensorPrimitives.Sum{T}(ReadOnlySpan{T})"/> on int wraps modulo 2^32 without saying so; these methods
/// never return a wrapped sum.</remarks>
internal static class BoundedIntSum
{
    /// <summary>Below this many values per block the wrapped-sum trick is not worth it and values are split instead.</summary>
    private const int MinimumWrappedBlock = 64;

    /// <summary>The most values <see cref="SumSplit"/> adds at a time: 2^16, so its two 32-bit sums cannot lose information.</summary>
    private const int SplitBlock = 1 << 16;

    /// <summary>The exact sum of <paramref name="values"/>, every one of which lies in <c>[min, max]</c>; at most <see cref="Array.MaxLength"/> values.</summary>
    public static long Of(ReadOnlySpan<int> values, int min, int max)
    {
        ulong width = (ulong)((long)max - min);
        // The true sum S of n values lies in [n*min, n*min + n*width]. If n*width < 2^32, S is fully determined by
        // n*min and S mod 2^32, which TensorPrimitives.Sum<int> computes at full SIMD speed with no widening.
        long block = width == 0 ? values.Length : (long)Math.Min((ulong)values.Length, uint.MaxValue / width);
        // Stryker disable once all : equivalent; both methods are exact for every input (wrapped blocks of at least one
        // value, or split sums), and this only picks the faster.
        return block >= MinimumWrappedBlock || block == values.Length
            ? SumByWrappedBlocks(values, min, (int)Math.Max(block, 1))
            : SumBySplitting(values);
    }

    private static long SumByWrappedBlocks(ReadOnlySpan<int> values, int min, int block)
    {
        long total = 0;
        while (!values.IsEmpty)
        {
            ReadOnlySpan<int> slice = values[..Math.Min(block, values.Length)];
            long lowest = (long)slice.Length * min;
            uint excess = unchecked((uint)TensorPrimitives.Sum(slice) - (uint)lowest);
            total += lowest + excess;
            values = values[slice.Length..];
        }

        return total;
    }

    private static long SumBySplitting(ReadOnlySpan<int> values)
    {
        long total = 0;
        while (!values.IsEmpty)
        {
            ReadOnlySpan<int> block = values[..Math.Min(SplitBlock, values.Length)];
            total += SumSplit(block);
            values = values[block.Length..];
        }

        return total;
    }

    /// <summary>
    /// The exact sum of at most <see cref="SplitBlock"/> values of any range. With <c>S = 2^16 * H + L</c>, <c>H</c> the sum of
    /// <c>v &gt;&gt; 16</c> (arithmetic) and <c>L</c> the sum of <c>v &amp; 0xFFFF</c>: for at most 2^16 values <c>H</c> fits an
    /// int and <c>0 &lt;= L &lt; 2^32</c>, so two wrapped 32-bit sums, <c>S mod 2^32</c> and <c>H</c>, give <c>S</c> exactly:
    /// <c>L = (S - 2^16 * H) mod 2^32</c>.
    /// </summary>
    // One pass of 32-bit lane operations (add, shift, add per vector): TensorPrimitives has no widening sum, and converting
    // to a long buffer first moves twice the bytes and needs twice the vectors for the same values.
    // Vector<int> is 256 bits wide even where 512-bit vectors are accelerated, so the widest width is taken explicitly.
    private static long SumSplit(ReadOnlySpan<int> block) =>
        // Stryker disable once Boolean,Conditional : equivalent; both widths give the exact sum, this picks the faster.
        Vector512.IsHardwareAccelerated ? SumSplit512(block) : SumSplitVector(block);

    /// <summary><see cref="SumSplit"/> with 512-bit vectors (exact on any CPU; fast where they are accelerated).</summary>
    internal static long SumSplit512(ReadOnlySpan<int> block)
    {
        Vector512<int> wrapped = Vector512<int>.Zero, high = Vector512<int>.Zero;
        ref int first = ref MemoryMarshal.GetReference(block);
        int i = 0;
        // Stryker disable once Equality : equivalent; a vector the loop leaves is added by the scalar tail.
        for (; block.Length - i >= Vector512<int>.Count; i += Vector512<int>.Count)
        {
            Vector512<int> v = Vector512.LoadUnsafe(ref first, (nuint)i);
            wrapped += v;
            high += Vector512.ShiftRightArithmetic(v, 16);
        }

        return Combine(block[i..], Vector512.Sum(wrapped), Vector512.Sum(high));
    }

    /// <summary><see cref="SumSplit"/> with <see cref="Vector{T}"/>, or scalar where vectors are not accelerated.</summary>
    internal static long SumSplitVector(ReadOnlySpan<int> block)
    {
        Vector<int> wrapped = Vector<int>.Zero, high = Vector<int>.Zero;
        int i = 0;
        // Stryker disable once Boolean,Conditional : equivalent; without vectors the scalar tail adds every value.
        if (Vector.IsHardwareAccelerated)
        {
            ref int first = ref MemoryMarshal.GetReference(block);
            // Stryker disable once Equality : equivalent; a vector the loop leaves is added by the scalar tail.
            for (; block.Length - i >= Vector<int>.Count; i += Vector<int>.Count)
            {
                Vector<int> v = Vector.LoadUnsafe(ref first, (nuint)i);
                wrapped += v;
                high += Vector.ShiftRightArithmetic(v, 16);
            }
        }

        return Combine(block[i..], Vector.Sum(wrapped), Vector.Sum(high));
    }

    /// <summary>Adds the <paramref name="tail"/> to the two wrapped 32-bit sums and recovers the exact sum.</summary>
    private static long Combine(ReadOnlySpan<int> tail, int sum, int highSum)
    {
        foreach (int value in tail)
        {
            sum = unchecked(sum + value);
            highSum = unchecked(highSum + (value >> 16));
        }

        uint low = unchecked((uint)sum - ((uint)highSum << 16));
        return ((long)highSum << 16) + low;
    }
}

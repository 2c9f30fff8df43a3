using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace ParallelSum.Kernels;

/// <summary>Exact sums of int spans whose values lie in a known range: with <see cref="TensorPrimitives"/> for narrow ranges, with
/// one widening vector pass for wide ones.</summary>
/// <remarks><see cref="TensorPrimitives.Sum{T}(ReadOnlySpan{T})"/> on int wraps modulo 2^32 without saying so; these methods
/// never return a wrapped sum.</remarks>
internal static class ExactSum
{
    /// <summary>Below this many values per block the wrapped-sum trick is not worth it and values are widened instead.</summary>
    private const int MinimumWrappedBlock = 64;

    /// <summary>The exact sum of <paramref name="values"/>, every one of which lies in <c>[min, max]</c>; at most <see cref="Array.MaxLength"/> values.</summary>
    public static long Of(ReadOnlySpan<int> values, int min, int max)
    {
        ulong width = (ulong)((long)max - min);
        // The true sum S of n values lies in [n*min, n*min + n*width]. If n*width < 2^32, S is fully determined by
        // n*min and S mod 2^32, which TensorPrimitives.Sum<int> computes at full SIMD speed with no widening.
        long block = width == 0 ? values.Length : (long)Math.Min((ulong)values.Length, uint.MaxValue / width);
        return block >= MinimumWrappedBlock || block == values.Length
            ? SumByWrappedBlocks(values, min, (int)Math.Max(block, 1))
            : SumByWidening(values);
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

    private static long SumByWidening(ReadOnlySpan<int> values)
    {
        // Wide value ranges: every int widened to 64 bits in registers and added in one pass. TensorPrimitives has no widening
        // sum, and converting blocks into a long buffer first (then summing that) reads and writes each value twice more.
        // Exact: at most Array.MaxLength values of magnitude at most 2^31 sum to below 2^62 in magnitude.
        long total = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref int first = ref MemoryMarshal.GetReference(values);
            Vector<long> lower = Vector<long>.Zero, upper = Vector<long>.Zero;
            for (; values.Length - i >= Vector<int>.Count; i += Vector<int>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref first, (nuint)i), out Vector<long> low, out Vector<long> high);
                lower += low;
                upper += high;
            }

            total = Vector.Sum(lower + upper);
        }

        for (; i < values.Length; i++)
        {
            total += values[i];
        }

        return total;
    }
}

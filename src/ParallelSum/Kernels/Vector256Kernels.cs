using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ParallelSum.Kernels;

/// <summary>
/// Random stream v1 on 256-bit vectors: 4 indices per vector. Results equal <see cref="ScalarKernels"/> exactly; a block
/// holding a rejected lane (probability below 2^-32 per value) is recomputed by the scalar definition.
/// </summary>
/// <remarks>Vector512Kernels, Vector256Kernels and Vector128Kernels are one kernel at three widths; keep the three in step.</remarks>
internal static class Vector256Kernels
{
    /// <summary>Indices per vector.</summary>
    private const int Lanes = 4;

    /// <summary>Independent vectors in flight per loop iteration: enough to hide the multiply latency of mix64.</summary>
    private const int Unroll = 4;

    private const int Block = Lanes * Unroll;

    /// <summary>Gets whether this width runs in hardware: it needs vpmuludq (AVX2) and accelerated 256-bit vectors.</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

    /// <summary>The sum of the offsets at <c>[start, start + count)</c>; <paramref name="count"/> at most 2^32, so no 64-bit lane can overflow
    /// (each lane adds at most 2^32 / 16 offsets below 2^32).</summary>
    public static ulong SumOffsets(in RandomStream stream, ulong start, ulong count)
    {
        ulong range = stream.RangeSize, threshold = stream.Threshold;
        bool fullRange = range == 1UL << 32;
        var ranges = Vector256.Create(range);
        var thresholds = Vector256.Create(threshold);
        Vector256<ulong> z0 = FirstInputs(stream.Seed, start);
        Vector256<ulong> z1 = z0 + Vector256.Create(unchecked(Lanes * StreamMath.Gamma));
        Vector256<ulong> z2 = z1 + Vector256.Create(unchecked(Lanes * StreamMath.Gamma));
        Vector256<ulong> z3 = z2 + Vector256.Create(unchecked(Lanes * StreamMath.Gamma));
        var blockStep = Vector256.Create(unchecked(Block * StreamMath.Gamma));
        Vector256<ulong> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
        ulong fallback = 0;

        ulong i = start, end = start + count;
        for (; end - i >= Block; i += Block)
        {
            Vector256<ulong> h0 = Reduce(Mix(z0), ranges, fullRange, out Vector256<ulong> l0);
            Vector256<ulong> h1 = Reduce(Mix(z1), ranges, fullRange, out Vector256<ulong> l1);
            Vector256<ulong> h2 = Reduce(Mix(z2), ranges, fullRange, out Vector256<ulong> l2);
            Vector256<ulong> h3 = Reduce(Mix(z3), ranges, fullRange, out Vector256<ulong> l3);
            // One combined test per block keeps the common path branch-free; a rejection is too rare to optimise.
            Vector256<ulong> rejected = Vector256.LessThan(l0, thresholds) | Vector256.LessThan(l1, thresholds)
                | Vector256.LessThan(l2, thresholds) | Vector256.LessThan(l3, thresholds);
            if (rejected == Vector256<ulong>.Zero)
            {
                sum0 += h0;
                sum1 += h1;
                sum2 += h2;
                sum3 += h3;
            }
            else
            {
                fallback += ScalarKernels.SumOffsets(stream, i, Block);
            }

            z0 += blockStep;
            z1 += blockStep;
            z2 += blockStep;
            z3 += blockStep;
        }

        // Tail: fewer than one block left.
        return Vector256.Sum(sum0 + sum1 + sum2 + sum3) + fallback + ScalarKernels.SumOffsets(stream, i, end - i);
    }

    /// <summary>Writes the values at <c>start, start + 1, …</c> into <paramref name="destination"/>.</summary>
    public static void Fill(in RandomStream stream, ulong start, Span<int> destination)
    {
        ulong range = stream.RangeSize, threshold = stream.Threshold;
        bool fullRange = range == 1UL << 32;
        var ranges = Vector256.Create(range);
        var thresholds = Vector256.Create(threshold);
        var mins = Vector256.Create(unchecked((uint)stream.Min));
        Vector256<ulong> z0 = FirstInputs(stream.Seed, start);
        Vector256<ulong> z1 = z0 + Vector256.Create(unchecked(Lanes * StreamMath.Gamma));
        var pairStep = Vector256.Create(unchecked(2 * Lanes * StreamMath.Gamma));
        ref int target = ref MemoryMarshal.GetReference(destination);

        int k = 0;
        for (; destination.Length - k >= 2 * Lanes; k += 2 * Lanes)
        {
            Vector256<ulong> h0 = Reduce(Mix(z0), ranges, fullRange, out Vector256<ulong> l0);
            Vector256<ulong> h1 = Reduce(Mix(z1), ranges, fullRange, out Vector256<ulong> l1);
            if ((Vector256.LessThan(l0, thresholds) | Vector256.LessThan(l1, thresholds)) == Vector256<ulong>.Zero)
            {
                // Two vectors of 64-bit offsets narrow into one vector of 32-bit values; min + offset stays in [min, max].
                (Vector256.Narrow(h0, h1) + mins).AsInt32().StoreUnsafe(ref target, (nuint)k);
            }
            else
            {
                ScalarKernels.Fill(stream, start + (ulong)k, destination.Slice(k, 2 * Lanes));
            }

            z0 += pairStep;
            z1 += pairStep;
        }

        // Tail: fewer than two vectors left.
        ScalarKernels.Fill(stream, start + (ulong)k, destination[k..]);
    }

    /// <summary>The mix64 inputs of attempt 0 for indices <c>start … start + 3</c>: <c>seed + (i + 1) * GAMMA</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> FirstInputs(ulong seed, ulong start) =>
        Vector256.Create(unchecked(seed + ((start + 1) * StreamMath.Gamma))) + (Vector256<ulong>.Indices * Vector256.Create(StreamMath.Gamma));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ (z >>> 30)) * Vector256.Create(StreamMath.Mix1);
        z = (z ^ (z >>> 27)) * Vector256.Create(StreamMath.Mix2);
        return z ^ (z >>> 31);
    }

    /// <summary>high64 and low64 of <c>word * range</c> per lane, from two 32x32→64 multiplies (vpmuludq: one uop, unlike a 64-bit multiply).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Reduce(Vector256<ulong> word, Vector256<ulong> range, bool fullRange, out Vector256<ulong> low)
    {
        if (fullRange)
        {
            // range = 2^32 does not fit a 32-bit multiplier, but the product is a shift.
            low = word << 32;
            return word >>> 32;
        }

        // word = hi * 2^32 + lo and range < 2^32: a = hi * range, b = lo * range, word * range = a * 2^32 + b.
        // a + (b >> 32) < 2^64, so the high half needs no carry handling.
        Vector256<ulong> a = Avx2.Multiply((word >>> 32).AsUInt32(), range.AsUInt32());
        Vector256<ulong> b = Avx2.Multiply(word.AsUInt32(), range.AsUInt32());
        low = b + (a << 32);
        return (a + (b >>> 32)) >>> 32;
    }
}

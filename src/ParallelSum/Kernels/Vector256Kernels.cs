using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ParallelSum.Kernels;

/// <summary>
/// Random stream v1 on 256-bit vectors: 4 indices per vector. Results equal <see cref="ScalarKernels"/> exactly: an index
/// whose attempt 0 is rejected (probability below 2^-32 per value) takes its value from the definition's later attempts.
/// </summary>
/// <remarks>Vector512Kernels, Vector256Kernels and Vector128Kernels are one kernel at three widths; keep the three in step.
/// Callers pass pieces of at most <see cref="StreamKernels.MaxPiece"/> values, which bounds the cost of finding a rejection.</remarks>
internal static class Vector256Kernels
{
    /// <summary>Indices per vector.</summary>
    private const int Lanes = 4;

    /// <summary>Independent vectors in flight per loop iteration: enough to hide the latency of mix64's two 64-bit multiplies.</summary>
    private const int Unroll = 4;

    private const int Block = Lanes * Unroll;

    /// <summary>Gets whether this width runs in hardware: it needs vpmuludq (AVX2) and accelerated 256-bit vectors.</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

    /// <summary>The sum of the offsets at <c>[start, start + count)</c>, by the path <see cref="OneMultiply"/> picks for the range.
    /// With <paramref name="count"/> at most 2^32 no 64-bit lane can overflow (each lane adds at most 2^32 / 16 offsets below 2^32).</summary>
    public static ulong SumOffsets(in RandomStream stream, ulong start, ulong count) =>
        OneMultiply.Suits(stream.RangeSize) ? SumOffsetsOneMultiply(stream, start, count) : SumOffsetsTwoMultiply(stream, start, count);

    /// <summary>Writes the values at <c>start, start + 1, …</c> into <paramref name="destination"/>.</summary>
    public static void Fill(in RandomStream stream, ulong start, Span<int> destination)
    {
        if (OneMultiply.Suits(stream.RangeSize))
        {
            FillOneMultiply(stream, start, destination);
        }
        else
        {
            FillTwoMultiply(stream, start, destination);
        }
    }

    /// <summary>The exact two-multiply sum for any range.</summary>
    internal static ulong SumOffsetsTwoMultiply(in RandomStream stream, ulong start, ulong count) =>
        stream.RangeSize == 1UL << 32
            ? SumOffsets<FullRangeMultiply>(stream, start, count)
            : SumOffsets<NarrowRangeMultiply>(stream, start, count);

    /// <summary>The exact two-multiply fill for any range.</summary>
    internal static void FillTwoMultiply(in RandomStream stream, ulong start, Span<int> destination)
    {
        if (stream.RangeSize == 1UL << 32)
        {
            Fill<FullRangeMultiply>(stream, start, destination);
        }
        else
        {
            Fill<NarrowRangeMultiply>(stream, start, destination);
        }
    }

    /// <summary>The one-multiply sum (see <see cref="OneMultiply"/>) for <c>r &lt; 2^32</c>: a chunk with a flagged lane is summed
    /// again by the exact two-multiply kernel.</summary>
    internal static ulong SumOffsetsOneMultiply(in RandomStream stream, ulong start, ulong count)
    {
        ulong total = 0;
        for (ulong done = 0; done < count; done += OneMultiply.Chunk)
        {
            ulong n = Math.Min(OneMultiply.Chunk, count - done);
            total += TrySumOneMultiply(stream, start + done, n, out ulong sum) ? sum : SumOffsets<NarrowRangeMultiply>(stream, start + done, n);
        }

        return total;
    }

    /// <summary>The one-multiply fill (see <see cref="OneMultiply"/>) for <c>r &lt; 2^32</c>: a chunk with a flagged lane is filled
    /// again by the exact two-multiply kernel.</summary>
    internal static void FillOneMultiply(in RandomStream stream, ulong start, Span<int> destination)
    {
        for (int done = 0; done < destination.Length; done += OneMultiply.Chunk)
        {
            Span<int> chunk = destination.Slice(done, Math.Min(OneMultiply.Chunk, destination.Length - done));
            if (!TryFillOneMultiply(stream, start + (ulong)done, chunk))
            {
                Fill<NarrowRangeMultiply>(stream, start + (ulong)done, chunk);
            }
        }
    }

    /// <summary>Sums one chunk by the one-multiply path; false when a lane was flagged, and then <paramref name="sum"/> is not exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TrySumOneMultiply(in RandomStream stream, ulong start, ulong count, out ulong sum)
    {
        var range = Vector256.Create(stream.RangeSize);
        var flagShift = Vector256.Create(OneMultiply.FlagShift(stream.RangeSize)).AsUInt32();
        var mix1 = Vector256.Create(StreamMath.Mix1);
        var mix2 = Vector256.Create(StreamMath.Mix2);
        var blockStep = Vector256.Create(unchecked(Block * StreamMath.Gamma));
        Vector256<ulong> z0 = FirstInputs(stream.Seed, start);
        Vector256<ulong> z1 = z0 + Vector256.Create(unchecked(Lanes * StreamMath.Gamma));
        Vector256<ulong> z2 = z1 + Vector256.Create(unchecked(Lanes * StreamMath.Gamma));
        Vector256<ulong> z3 = z2 + Vector256.Create(unchecked(Lanes * StreamMath.Gamma));
        Vector256<uint> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
        Vector256<uint> least = Vector256<uint>.AllBitsSet;

        ulong i = start, end = start + count;
        for (; end - i >= Block; i += Block)
        {
            // a = hi * r; its high half is the offset unless the lane is flagged (see OneMultiply).
            Vector256<uint> a0 = NarrowRangeMultiply.Multiply(Mix(z0, mix1, mix2) >>> 32, range).AsUInt32();
            Vector256<uint> a1 = NarrowRangeMultiply.Multiply(Mix(z1, mix1, mix2) >>> 32, range).AsUInt32();
            Vector256<uint> a2 = NarrowRangeMultiply.Multiply(Mix(z2, mix1, mix2) >>> 32, range).AsUInt32();
            Vector256<uint> a3 = NarrowRangeMultiply.Multiply(Mix(z3, mix1, mix2) >>> 32, range).AsUInt32();
            // 32-bit adds: the odd (high) lanes sum the offsets, never carrying into their neighbours; even lanes are ignored.
            sum0 += a0;
            sum1 += a1;
            sum2 += a2;
            sum3 += a3;
            least = Vector256.Min(least, Vector256.Min(Vector256.Min(a0 + flagShift, a1 + flagShift), Vector256.Min(a2 + flagShift, a3 + flagShift)));
            z0 += blockStep;
            z1 += blockStep;
            z2 += blockStep;
            z3 += blockStep;
        }

        Vector256<ulong> offsets = ((sum0 + sum1).AsUInt64() >>> 32) + ((sum2 + sum3).AsUInt64() >>> 32);
        sum = Vector256.Sum(offsets) + ScalarKernels.SumOffsets(stream, i, end - i);
        return Vector256.GreaterThanAll(least, Vector256.Create(OneMultiply.FlagLimit(stream.RangeSize)));
    }

    /// <summary>Fills one chunk by the one-multiply path; false when a lane was flagged, and then the chunk is not exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFillOneMultiply(in RandomStream stream, ulong start, Span<int> destination)
    {
        var range = Vector256.Create(stream.RangeSize);
        var flagShift = Vector256.Create(OneMultiply.FlagShift(stream.RangeSize)).AsUInt32();
        var mix1 = Vector256.Create(StreamMath.Mix1);
        var mix2 = Vector256.Create(StreamMath.Mix2);
        var mins = Vector256.Create(unchecked((uint)stream.Min));
        var pairStep = Vector256.Create(unchecked(2 * Lanes * StreamMath.Gamma));
        Vector256<ulong> z0 = FirstInputs(stream.Seed, start);
        Vector256<ulong> z1 = z0 + Vector256.Create(unchecked(Lanes * StreamMath.Gamma));
        Vector256<uint> least = Vector256<uint>.AllBitsSet;
        ref int target = ref MemoryMarshal.GetReference(destination);

        int k = 0;
        for (; destination.Length - k >= 2 * Lanes; k += 2 * Lanes)
        {
            Vector256<ulong> a0 = NarrowRangeMultiply.Multiply(Mix(z0, mix1, mix2) >>> 32, range);
            Vector256<ulong> a1 = NarrowRangeMultiply.Multiply(Mix(z1, mix1, mix2) >>> 32, range);
            least = Vector256.Min(least, Vector256.Min(a0.AsUInt32() + flagShift, a1.AsUInt32() + flagShift));
            Vector256<uint> offsets = Vector256.Narrow(a0 >>> 32, a1 >>> 32);
            (offsets + mins).AsInt32().StoreUnsafe(ref target, (nuint)k);
            z0 += pairStep;
            z1 += pairStep;
        }

        ScalarKernels.Fill(stream, start + (ulong)k, destination[k..]);
        return Vector256.GreaterThanAll(least, Vector256.Create(OneMultiply.FlagLimit(stream.RangeSize)));
    }

    // Fully optimised from the first call, so a long single call does not start in tier-0 or OSR code. This is only fast
    // because the loop calls nothing: see the rejection comment below.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong SumOffsets<TMultiply>(in RandomStream stream, ulong start, ulong count)
        where TMultiply : struct, IRangeMultiply
    {
        // Constants live in registers for the whole loop instead of being re-broadcast per use.
        var range = Vector256.Create(stream.RangeSize);
        var threshold = Vector256.Create(stream.Threshold);
        var mix1 = Vector256.Create(StreamMath.Mix1);
        var mix2 = Vector256.Create(StreamMath.Mix2);
        var blockStep = Vector256.Create(unchecked(Block * StreamMath.Gamma));
        Vector256<ulong> z0 = FirstInputs(stream.Seed, start);
        Vector256<ulong> z1 = z0 + Vector256.Create(unchecked(Lanes * StreamMath.Gamma));
        Vector256<ulong> z2 = z1 + Vector256.Create(unchecked(Lanes * StreamMath.Gamma));
        Vector256<ulong> z3 = z2 + Vector256.Create(unchecked(Lanes * StreamMath.Gamma));
        Vector256<ulong> sum0 = default, sum1 = default, sum2 = default, sum3 = default, rejected = default;

        ulong i = start, end = start + count;
        for (; end - i >= Block; i += Block)
        {
            Vector256<ulong> w0 = Mix(z0, mix1, mix2), w1 = Mix(z1, mix1, mix2), w2 = Mix(z2, mix1, mix2), w3 = Mix(z3, mix1, mix2);
            // word = hi * 2^32 + lo; word * r = a * 2^32 + b with a = hi * r and b = lo * r; a + (b >> 32) < 2^64, so no carry.
            Vector256<ulong> a0 = TMultiply.Multiply(w0 >>> 32, range), b0 = TMultiply.Multiply(w0, range);
            Vector256<ulong> a1 = TMultiply.Multiply(w1 >>> 32, range), b1 = TMultiply.Multiply(w1, range);
            Vector256<ulong> a2 = TMultiply.Multiply(w2 >>> 32, range), b2 = TMultiply.Multiply(w2, range);
            Vector256<ulong> a3 = TMultiply.Multiply(w3 >>> 32, range), b3 = TMultiply.Multiply(w3, range);
            sum0 += (a0 + (b0 >>> 32)) >>> 32;
            sum1 += (a1 + (b1 >>> 32)) >>> 32;
            sum2 += (a2 + (b2 >>> 32)) >>> 32;
            sum3 += (a3 + (b3 >>> 32)) >>> 32;
            // low64(word * r) = b + (a << 32). Rejections are only collected here: a call inside the loop would clobber every
            // vector register (none is callee-saved) and the loop's state would live in memory.
            rejected |= Vector256.LessThan(b0 + (a0 << 32), threshold) | Vector256.LessThan(b1 + (a1 << 32), threshold)
                | Vector256.LessThan(b2 + (a2 << 32), threshold) | Vector256.LessThan(b3 + (a3 << 32), threshold);
            z0 += blockStep;
            z1 += blockStep;
            z2 += blockStep;
            z3 += blockStep;
        }

        // The tail (under one block) is scalar. After a rejection anywhere in the vector part, a cold pass finds the rejected
        // indices and replaces only their values with the definition's (attempt 1, 2, …).
        ulong total = Vector256.Sum((sum0 + sum1) + (sum2 + sum3)) + ScalarKernels.SumOffsets(stream, i, end - i);
        return rejected == Vector256<ulong>.Zero ? total : unchecked(total + ScalarKernels.RejectionCorrection(stream, start, i - start));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill<TMultiply>(in RandomStream stream, ulong start, Span<int> destination)
        where TMultiply : struct, IRangeMultiply
    {
        var range = Vector256.Create(stream.RangeSize);
        var threshold = Vector256.Create(stream.Threshold);
        var mix1 = Vector256.Create(StreamMath.Mix1);
        var mix2 = Vector256.Create(StreamMath.Mix2);
        var mins = Vector256.Create(unchecked((uint)stream.Min));
        var pairStep = Vector256.Create(unchecked(2 * Lanes * StreamMath.Gamma));
        Vector256<ulong> z0 = FirstInputs(stream.Seed, start);
        Vector256<ulong> z1 = z0 + Vector256.Create(unchecked(Lanes * StreamMath.Gamma));
        Vector256<ulong> rejected = default;
        ref int target = ref MemoryMarshal.GetReference(destination);

        int k = 0;
        for (; destination.Length - k >= 2 * Lanes; k += 2 * Lanes)
        {
            Vector256<ulong> w0 = Mix(z0, mix1, mix2), w1 = Mix(z1, mix1, mix2);
            Vector256<ulong> a0 = TMultiply.Multiply(w0 >>> 32, range), b0 = TMultiply.Multiply(w0, range);
            Vector256<ulong> a1 = TMultiply.Multiply(w1 >>> 32, range), b1 = TMultiply.Multiply(w1, range);
            rejected |= Vector256.LessThan(b0 + (a0 << 32), threshold) | Vector256.LessThan(b1 + (a1 << 32), threshold);
            // Two vectors of 64-bit offsets narrow into one vector of 32-bit values; min + offset stays in [min, max].
            Vector256<uint> offsets = Vector256.Narrow((a0 + (b0 >>> 32)) >>> 32, (a1 + (b1 >>> 32)) >>> 32);
            (offsets + mins).AsInt32().StoreUnsafe(ref target, (nuint)k);
            z0 += pairStep;
            z1 += pairStep;
        }

        // The tail (under two vectors) is scalar. After a rejection in the vector part, only the rejected indices are rewritten.
        ScalarKernels.Fill(stream, start + (ulong)k, destination[k..]);
        if (rejected != Vector256<ulong>.Zero)
        {
            ScalarKernels.FixRejected(stream, start, destination[..k]);
        }
    }

    /// <summary>The mix64 inputs of attempt 0 for the first vector of indices from <paramref name="start"/>: <c>seed + (i + 1) * GAMMA</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> FirstInputs(ulong seed, ulong start) =>
        Vector256.Create(unchecked(seed + ((start + 1) * StreamMath.Gamma))) + (Vector256<ulong>.Indices * Vector256.Create(StreamMath.Gamma));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mix(Vector256<ulong> z, Vector256<ulong> mix1, Vector256<ulong> mix2)
    {
        z = (z ^ (z >>> 30)) * mix1;
        z = (z ^ (z >>> 27)) * mix2;
        return z ^ (z >>> 31);
    }
}

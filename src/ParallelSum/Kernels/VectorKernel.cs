using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ParallelSum.Kernels;

/// <summary>
/// Random stream v1 on vectors of one width, written once for every width: <typeparamref name="TWidth"/> supplies the
/// vector operations and the JIT compiles a specialised copy per width. Results equal <see cref="ScalarKernels"/> exactly:
/// an index whose attempt 0 is rejected (probability below 2^-32 per value) takes its value from the definition's later attempts.
/// </summary>
/// <remarks>Two paths, chosen once per call from the range size by <see cref="OneMultiply.Suits"/>: the one-multiply path for
/// small ranges and the exact two-multiply path for the rest. Callers pass pieces of at most <see cref="StreamKernels.MaxPiece"/>
/// values, which bounds the cost of finding a rejection.</remarks>
/// <typeparam name="TWidth">The width's operations.</typeparam>
/// <typeparam name="TVector">The width's vector of 64-bit lanes.</typeparam>
internal static class VectorKernel<TWidth, TVector>
    where TWidth : struct, IVectorWidth<TVector>
    where TVector : struct
{
    /// <summary>Independent vectors in flight per loop iteration: enough to hide the latency of mix64's two 64-bit multiplies.</summary>
    private const int Unroll = 4;

    /// <summary>Gets whether this width runs in hardware here.</summary>
    public static bool IsSupported => TWidth.IsSupported;

    private static int Block => TWidth.Lanes * Unroll;

    /// <summary>The sum of the offsets <c>value - min</c> at <c>[start, start + count)</c>; <paramref name="count"/> at most 2^32,
    /// so no 64-bit lane can overflow (each lane adds at most 2^32 / Lanes offsets below 2^32).</summary>
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

    /// <summary>The exact two-multiply sum, for any range.</summary>
    internal static ulong SumOffsetsTwoMultiply(in RandomStream stream, ulong start, ulong count) =>
        stream.RangeSize == 1UL << 32
            ? SumOffsets<FullRangeMultiply>(stream, start, count)
            : SumOffsets<NarrowRangeMultiply>(stream, start, count);

    /// <summary>The exact two-multiply fill, for any range.</summary>
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

    /// <summary>The one-multiply sum (see <see cref="OneMultiply"/>), for <c>r &lt;= OneMultiply.MaxRange</c>: a chunk with a
    /// flagged lane is summed again by the exact two-multiply kernel.</summary>
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

    /// <summary>The one-multiply fill (see <see cref="OneMultiply"/>), for <c>r &lt;= OneMultiply.MaxRange</c>: a chunk with a
    /// flagged lane is filled again by the exact two-multiply kernel.</summary>
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

    /// <summary>Sums at most one chunk by the one-multiply path; false when a lane was flagged, and then <paramref name="sum"/> is not exact.</summary>
    // Fully optimised from the first call, so a long single call does not start in tier-0 or OSR code. The loop calls nothing.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TrySumOneMultiply(in RandomStream stream, ulong start, ulong count, out ulong sum)
    {
        // Constants live in registers for the whole loop instead of being re-broadcast per use.
        TVector range = TWidth.Create(stream.RangeSize);
        TVector flagShift = TWidth.Create(OneMultiply.FlagShift(stream.RangeSize));
        TVector mix1 = TWidth.Create(StreamMath.Mix1), mix2 = TWidth.Create(StreamMath.Mix2);
        TVector blockStep = TWidth.Create(unchecked((ulong)Block * StreamMath.Gamma));
        TVector vectorStep = TWidth.Create(unchecked((ulong)TWidth.Lanes * StreamMath.Gamma));
        TVector z0 = FirstInputs(stream.Seed, start);
        TVector z1 = TWidth.Add(z0, vectorStep), z2 = TWidth.Add(z1, vectorStep), z3 = TWidth.Add(z2, vectorStep);
        TVector sum0 = default, sum1 = default, sum2 = default, sum3 = default;
        TVector least = TWidth.Create(ulong.MaxValue);

        ulong i = start, end = start + count;
        for (; end - i >= (ulong)Block; i += (ulong)Block)
        {
            // a = hi * r: its high half is the offset unless the lane is flagged (see OneMultiply).
            TVector a0 = TWidth.MultiplyLow32(TWidth.ShiftRightLogical(Mix(z0, mix1, mix2), 32), range);
            TVector a1 = TWidth.MultiplyLow32(TWidth.ShiftRightLogical(Mix(z1, mix1, mix2), 32), range);
            TVector a2 = TWidth.MultiplyLow32(TWidth.ShiftRightLogical(Mix(z2, mix1, mix2), 32), range);
            TVector a3 = TWidth.MultiplyLow32(TWidth.ShiftRightLogical(Mix(z3, mix1, mix2), 32), range);
            // 32-bit adds: the high halves sum the offsets without a shift and never carry into a neighbour (a chunk adds at
            // most Chunk / Block offsets below 2^16 per lane); the low halves are ignored.
            sum0 = TWidth.Add32(sum0, a0);
            sum1 = TWidth.Add32(sum1, a1);
            sum2 = TWidth.Add32(sum2, a2);
            sum3 = TWidth.Add32(sum3, a3);
            // The flag test is a running 32-bit minimum: two cheap ops per vector, and one compare per chunk.
            least = TWidth.Min32(
                least,
                TWidth.Min32(TWidth.Min32(TWidth.Add32(a0, flagShift), TWidth.Add32(a1, flagShift)), TWidth.Min32(TWidth.Add32(a2, flagShift), TWidth.Add32(a3, flagShift))));
            z0 = TWidth.Add(z0, blockStep);
            z1 = TWidth.Add(z1, blockStep);
            z2 = TWidth.Add(z2, blockStep);
            z3 = TWidth.Add(z3, blockStep);
        }

        TVector offsets = TWidth.Add(TWidth.ShiftRightLogical(TWidth.Add32(sum0, sum1), 32), TWidth.ShiftRightLogical(TWidth.Add32(sum2, sum3), 32));
        sum = TWidth.Sum(offsets) + ScalarKernels.SumOffsets(stream, i, end - i);
        return TWidth.GreaterThanAll32(least, OneMultiply.FlagLimit(stream.RangeSize));
    }

    /// <summary>Fills at most one chunk by the one-multiply path; false when a lane was flagged, and then the chunk is not exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFillOneMultiply(in RandomStream stream, ulong start, Span<int> destination)
    {
        TVector range = TWidth.Create(stream.RangeSize);
        TVector flagShift = TWidth.Create(OneMultiply.FlagShift(stream.RangeSize));
        TVector mix1 = TWidth.Create(StreamMath.Mix1), mix2 = TWidth.Create(StreamMath.Mix2);
        TVector blockStep = TWidth.Create(unchecked((ulong)Block * StreamMath.Gamma));
        TVector vectorStep = TWidth.Create(unchecked((ulong)TWidth.Lanes * StreamMath.Gamma));
        TVector z0 = FirstInputs(stream.Seed, start);
        TVector z1 = TWidth.Add(z0, vectorStep), z2 = TWidth.Add(z1, vectorStep), z3 = TWidth.Add(z2, vectorStep);
        TVector least = TWidth.Create(ulong.MaxValue);
        uint min = unchecked((uint)stream.Min);
        ref int target = ref MemoryMarshal.GetReference(destination);

        int k = 0;
        for (; destination.Length - k >= Block; k += Block)
        {
            TVector a0 = TWidth.MultiplyLow32(TWidth.ShiftRightLogical(Mix(z0, mix1, mix2), 32), range);
            TVector a1 = TWidth.MultiplyLow32(TWidth.ShiftRightLogical(Mix(z1, mix1, mix2), 32), range);
            TVector a2 = TWidth.MultiplyLow32(TWidth.ShiftRightLogical(Mix(z2, mix1, mix2), 32), range);
            TVector a3 = TWidth.MultiplyLow32(TWidth.ShiftRightLogical(Mix(z3, mix1, mix2), 32), range);
            least = TWidth.Min32(
                least,
                TWidth.Min32(TWidth.Min32(TWidth.Add32(a0, flagShift), TWidth.Add32(a1, flagShift)), TWidth.Min32(TWidth.Add32(a2, flagShift), TWidth.Add32(a3, flagShift))));
            // min + offset stays in [min, max], so the 32-bit wrap-around is exact.
            TWidth.StoreHighHalves(a0, a1, min, ref target, (nuint)k);
            TWidth.StoreHighHalves(a2, a3, min, ref target, (nuint)(k + (2 * TWidth.Lanes)));
            z0 = TWidth.Add(z0, blockStep);
            z1 = TWidth.Add(z1, blockStep);
            z2 = TWidth.Add(z2, blockStep);
            z3 = TWidth.Add(z3, blockStep);
        }

        ScalarKernels.Fill(stream, start + (ulong)k, destination[k..]);
        return TWidth.GreaterThanAll32(least, OneMultiply.FlagLimit(stream.RangeSize));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong SumOffsets<TMultiply>(in RandomStream stream, ulong start, ulong count)
        where TMultiply : struct, IRangeMultiply
    {
        TVector range = TWidth.Create(stream.RangeSize);
        TVector threshold = TWidth.Create(stream.Threshold);
        TVector mix1 = TWidth.Create(StreamMath.Mix1), mix2 = TWidth.Create(StreamMath.Mix2);
        TVector blockStep = TWidth.Create(unchecked((ulong)Block * StreamMath.Gamma));
        TVector vectorStep = TWidth.Create(unchecked((ulong)TWidth.Lanes * StreamMath.Gamma));
        TVector z0 = FirstInputs(stream.Seed, start);
        TVector z1 = TWidth.Add(z0, vectorStep), z2 = TWidth.Add(z1, vectorStep), z3 = TWidth.Add(z2, vectorStep);
        TVector sum0 = default, sum1 = default, sum2 = default, sum3 = default, rejected = default;

        ulong i = start, end = start + count;
        for (; end - i >= (ulong)Block; i += (ulong)Block)
        {
            TVector w0 = Mix(z0, mix1, mix2), w1 = Mix(z1, mix1, mix2), w2 = Mix(z2, mix1, mix2), w3 = Mix(z3, mix1, mix2);
            // word = hi * 2^32 + lo; word * r = a * 2^32 + b with a = hi * r and b = lo * r; a + (b >> 32) < 2^64, so no carry.
            // (Written out, not through a tuple-returning helper, so the products stay in registers.)
            TVector a0 = TMultiply.Multiply<TWidth, TVector>(TWidth.ShiftRightLogical(w0, 32), range), b0 = TMultiply.Multiply<TWidth, TVector>(w0, range);
            TVector a1 = TMultiply.Multiply<TWidth, TVector>(TWidth.ShiftRightLogical(w1, 32), range), b1 = TMultiply.Multiply<TWidth, TVector>(w1, range);
            TVector a2 = TMultiply.Multiply<TWidth, TVector>(TWidth.ShiftRightLogical(w2, 32), range), b2 = TMultiply.Multiply<TWidth, TVector>(w2, range);
            TVector a3 = TMultiply.Multiply<TWidth, TVector>(TWidth.ShiftRightLogical(w3, 32), range), b3 = TMultiply.Multiply<TWidth, TVector>(w3, range);
            sum0 = TWidth.Add(sum0, HighHalf(a0, b0));
            sum1 = TWidth.Add(sum1, HighHalf(a1, b1));
            sum2 = TWidth.Add(sum2, HighHalf(a2, b2));
            sum3 = TWidth.Add(sum3, HighHalf(a3, b3));
            // Rejections are only collected here: a call inside the loop would clobber every vector register (none is
            // callee-saved) and the loop's state would live in memory.
            rejected = TWidth.Or(
                rejected,
                TWidth.Or(TWidth.Or(Rejected(a0, b0, threshold), Rejected(a1, b1, threshold)), TWidth.Or(Rejected(a2, b2, threshold), Rejected(a3, b3, threshold))));
            z0 = TWidth.Add(z0, blockStep);
            z1 = TWidth.Add(z1, blockStep);
            z2 = TWidth.Add(z2, blockStep);
            z3 = TWidth.Add(z3, blockStep);
        }

        // The tail (under one block) is scalar. After a rejection anywhere in the vector part, a cold pass finds the rejected
        // indices and replaces only their values with the definition's (attempt 1, 2, …).
        ulong total = TWidth.Sum(TWidth.Add(TWidth.Add(sum0, sum1), TWidth.Add(sum2, sum3))) + ScalarKernels.SumOffsets(stream, i, end - i);
        return TWidth.IsZero(rejected) ? total : unchecked(total + ScalarKernels.RejectionCorrection(stream, start, i - start));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill<TMultiply>(in RandomStream stream, ulong start, Span<int> destination)
        where TMultiply : struct, IRangeMultiply
    {
        TVector range = TWidth.Create(stream.RangeSize);
        TVector threshold = TWidth.Create(stream.Threshold);
        TVector mix1 = TWidth.Create(StreamMath.Mix1), mix2 = TWidth.Create(StreamMath.Mix2);
        TVector blockStep = TWidth.Create(unchecked((ulong)Block * StreamMath.Gamma));
        TVector vectorStep = TWidth.Create(unchecked((ulong)TWidth.Lanes * StreamMath.Gamma));
        TVector z0 = FirstInputs(stream.Seed, start);
        TVector z1 = TWidth.Add(z0, vectorStep), z2 = TWidth.Add(z1, vectorStep), z3 = TWidth.Add(z2, vectorStep);
        TVector rejected = default;
        uint min = unchecked((uint)stream.Min);
        ref int target = ref MemoryMarshal.GetReference(destination);

        int k = 0;
        for (; destination.Length - k >= Block; k += Block)
        {
            TVector w0 = Mix(z0, mix1, mix2), w1 = Mix(z1, mix1, mix2), w2 = Mix(z2, mix1, mix2), w3 = Mix(z3, mix1, mix2);
            // word = hi * 2^32 + lo; word * r = a * 2^32 + b with a = hi * r and b = lo * r; a + (b >> 32) < 2^64, so no carry.
            // (Written out, not through a tuple-returning helper, so the products stay in registers.)
            TVector a0 = TMultiply.Multiply<TWidth, TVector>(TWidth.ShiftRightLogical(w0, 32), range), b0 = TMultiply.Multiply<TWidth, TVector>(w0, range);
            TVector a1 = TMultiply.Multiply<TWidth, TVector>(TWidth.ShiftRightLogical(w1, 32), range), b1 = TMultiply.Multiply<TWidth, TVector>(w1, range);
            TVector a2 = TMultiply.Multiply<TWidth, TVector>(TWidth.ShiftRightLogical(w2, 32), range), b2 = TMultiply.Multiply<TWidth, TVector>(w2, range);
            TVector a3 = TMultiply.Multiply<TWidth, TVector>(TWidth.ShiftRightLogical(w3, 32), range), b3 = TMultiply.Multiply<TWidth, TVector>(w3, range);
            rejected = TWidth.Or(
                rejected,
                TWidth.Or(TWidth.Or(Rejected(a0, b0, threshold), Rejected(a1, b1, threshold)), TWidth.Or(Rejected(a2, b2, threshold), Rejected(a3, b3, threshold))));
            // The offsets sit in the high halves; pairs of vectors become vectors of 32-bit values. min + offset stays in [min, max].
            TWidth.StoreHighHalves(HighHalfUnshifted(a0, b0), HighHalfUnshifted(a1, b1), min, ref target, (nuint)k);
            TWidth.StoreHighHalves(HighHalfUnshifted(a2, b2), HighHalfUnshifted(a3, b3), min, ref target, (nuint)(k + (2 * TWidth.Lanes)));
            z0 = TWidth.Add(z0, blockStep);
            z1 = TWidth.Add(z1, blockStep);
            z2 = TWidth.Add(z2, blockStep);
            z3 = TWidth.Add(z3, blockStep);
        }

        // The tail (under one block) is scalar. After a rejection in the vector part, only the rejected indices are rewritten.
        ScalarKernels.Fill(stream, start + (ulong)k, destination[k..]);
        if (!TWidth.IsZero(rejected))
        {
            ScalarKernels.FixRejected(stream, start, destination[..k]);
        }
    }

    /// <summary><c>high64(word * r) = (a + (b &gt;&gt; 32)) &gt;&gt; 32</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector HighHalf(TVector a, TVector b) => TWidth.ShiftRightLogical(HighHalfUnshifted(a, b), 32);

    /// <summary><c>a + (b &gt;&gt; 32)</c>: <c>high64(word * r)</c> in its high 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector HighHalfUnshifted(TVector a, TVector b) => TWidth.Add(a, TWidth.ShiftRightLogical(b, 32));

    /// <summary>All ones in the lanes whose attempt 0 is rejected: <c>low64(word * r) = b + (a &lt;&lt; 32)</c> below the threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Rejected(TVector a, TVector b, TVector threshold) => TWidth.LessThan(TWidth.Add(b, TWidth.ShiftLeft(a, 32)), threshold);

    /// <summary>The mix64 inputs of attempt 0 for the first vector of indices from <paramref name="start"/>: <c>seed + (i + 1) * GAMMA</c>.</summary>
    // A single vector, not a tuple of four: a returned tuple left the loop's constants in stack memory (seen in the JIT's listing).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector FirstInputs(ulong seed, ulong start) =>
        TWidth.Add(TWidth.Create(unchecked(seed + ((start + 1) * StreamMath.Gamma))), TWidth.Multiply(TWidth.Indices, TWidth.Create(StreamMath.Gamma)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Mix(TVector z, TVector mix1, TVector mix2)
    {
        z = TWidth.Multiply(TWidth.Xor(z, TWidth.ShiftRightLogical(z, 30)), mix1);
        z = TWidth.Multiply(TWidth.Xor(z, TWidth.ShiftRightLogical(z, 27)), mix2);
        return TWidth.Xor(z, TWidth.ShiftRightLogical(z, 31));
    }
}

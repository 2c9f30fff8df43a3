using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ParallelSum.Generation.Kernels;

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

    /// <summary>
    /// What the two-multiply loop adds (as two 32-bit halves) to each scaled lane before its running 32-bit minimum: 0 to the low
    /// half, which is 0 where attempt 0 may be rejected (see <see cref="IRangeMultiply"/>); 1 to the high half, the offset, at most
    /// <c>r - 1 &lt;= 2^32 - 2</c> when <c>r &lt; 2^32</c>, so never 0 after it. The minimum is 0 exactly when some lane may have
    /// been rejected: two cheap ops per vector instead of a 64-bit shift, add and compare.
    /// </summary>
    private const ulong RejectionMark = 1UL << 32;

    private static int Block => TWidth.Lanes * Unroll;

    /// <summary>The sum of the offsets <c>value - min</c> at <c>[start, start + count)</c>; <paramref name="count"/> at most 2^32,
    /// so no 64-bit lane can overflow (each lane adds at most 2^32 / Lanes offsets below 2^32).</summary>
    public static ulong SumOffsets(in RandomStream stream, ulong start, ulong count) =>
        // Stryker disable once Conditional : equivalent; the two-multiply path is exact for every range, the one-multiply path is faster where it suits.
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
        ulong total = 0, chunk = (ulong)OneMultiply.ChunkFor(stream.RangeSize);
        for (ulong done = 0; done < count; done += chunk)
        {
            ulong n = Math.Min(chunk, count - done);
            total += TrySumOneMultiply(stream, start + done, n, out ulong sum) ? sum : SumOffsets<NarrowRangeMultiply>(stream, start + done, n);
        }

        return total;
    }

    /// <summary>The one-multiply fill (see <see cref="OneMultiply"/>), for <c>r &lt;= OneMultiply.MaxRange</c>: a chunk with a
    /// flagged lane is filled again by the exact two-multiply kernel.</summary>
    internal static void FillOneMultiply(in RandomStream stream, ulong start, Span<int> destination)
    {
        int length = OneMultiply.ChunkFor(stream.RangeSize);
        for (int done = 0; done < destination.Length; done += length)
        {
            Span<int> chunk = destination.Slice(done, Math.Min(length, destination.Length - done));
            if (!TryFillOneMultiply(stream, start + (ulong)done, chunk))
            {
                Fill<NarrowRangeMultiply>(stream, start + (ulong)done, chunk);
            }
        }
    }

    /// <summary>Sums at most one chunk by the one-multiply path; false when a lane was flagged, and then <paramref name="sum"/> is not exact.</summary>
    // Fully optimised from the first call, so a long single call does not start in tier-0 or OSR code. The loop calls nothing,
    // and no vector is live across a call before or after it: a vector live across a call gets a stack home (no vector register
    // is callee-saved), and the JIT then reloads it from the stack in every iteration.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TrySumOneMultiply(in RandomStream stream, ulong start, ulong count, out ulong sum)
    {
        TVector z0 = FirstInputs(stream.Seed, start);
        TVector range = TWidth.Create(stream.RangeSize);
        TVector flagShift = TWidth.Create(OneMultiply.FlagShift(stream.RangeSize));
        TVector mix1 = TWidth.Create(StreamMath.Mix1), mix2 = TWidth.Create(StreamMath.Mix2);
        TVector blockStep = TWidth.Create(unchecked((ulong)Block * StreamMath.Gamma));
        TVector vectorStep = TWidth.Create(unchecked((ulong)TWidth.Lanes * StreamMath.Gamma));
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
            // most chunk / Block offsets below r per lane, see OneMultiply.ChunkFor); the low halves are ignored.
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
        ulong vectorSum = TWidth.Sum(offsets);
        bool exact = TWidth.GreaterThanAll32(least, OneMultiply.FlagLimit(stream.RangeSize));
        // The tail (under one block) is scalar, called only once no vector is live.
        sum = vectorSum + ScalarKernels.SumOffsets(stream, i, end - i);
        return exact;
    }

    /// <summary>Fills at most one chunk by the one-multiply path; false when a lane was flagged, and then the chunk is not exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFillOneMultiply(in RandomStream stream, ulong start, Span<int> destination)
    {
        TVector z0 = FirstInputs(stream.Seed, start);
        TVector range = TWidth.Create(stream.RangeSize);
        TVector flagShift = TWidth.Create(OneMultiply.FlagShift(stream.RangeSize));
        TVector mix1 = TWidth.Create(StreamMath.Mix1), mix2 = TWidth.Create(StreamMath.Mix2);
        TVector blockStep = TWidth.Create(unchecked((ulong)Block * StreamMath.Gamma));
        TVector vectorStep = TWidth.Create(unchecked((ulong)TWidth.Lanes * StreamMath.Gamma));
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

        bool exact = TWidth.GreaterThanAll32(least, OneMultiply.FlagLimit(stream.RangeSize));
        ScalarKernels.Fill(stream, start + (ulong)k, destination[k..]);
        return exact;
    }

    /// <summary>The two-multiply sum: exact for any range. A lane may have been rejected only where the low half of its scaled
    /// value <c>s</c> is 0 (see <see cref="IRangeMultiply"/>); the loop tracks the smallest such half, and a piece where it
    /// reached 0 is scanned again by the definition, which corrects the lanes that really were rejected.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong SumOffsets<TMultiply>(in RandomStream stream, ulong start, ulong count)
        where TMultiply : struct, IRangeMultiply
    {
        TVector z0 = FirstInputs(stream.Seed, start);
        TVector range = TWidth.Create(stream.RangeSize);
        TVector mix1 = TWidth.Create(StreamMath.Mix1), mix2 = TWidth.Create(StreamMath.Mix2);
        TVector blockStep = TWidth.Create(unchecked((ulong)Block * StreamMath.Gamma));
        TVector vectorStep = TWidth.Create(unchecked((ulong)TWidth.Lanes * StreamMath.Gamma));
        TVector z1 = TWidth.Add(z0, vectorStep), z2 = TWidth.Add(z1, vectorStep), z3 = TWidth.Add(z2, vectorStep);
        TVector sum0 = default, sum1 = default, sum2 = default, sum3 = default;
        TVector least = TWidth.Create(ulong.MaxValue), mark = TWidth.Create(RejectionMark);

        ulong i = start, end = start + count;
        for (; end - i >= (ulong)Block; i += (ulong)Block)
        {
            TVector s0 = TMultiply.Scale<TWidth, TVector>(Mix(z0, mix1, mix2), range);
            TVector s1 = TMultiply.Scale<TWidth, TVector>(Mix(z1, mix1, mix2), range);
            TVector s2 = TMultiply.Scale<TWidth, TVector>(Mix(z2, mix1, mix2), range);
            TVector s3 = TMultiply.Scale<TWidth, TVector>(Mix(z3, mix1, mix2), range);
            sum0 = TWidth.Add(sum0, TWidth.ShiftRightLogical(s0, 32));
            sum1 = TWidth.Add(sum1, TWidth.ShiftRightLogical(s1, 32));
            sum2 = TWidth.Add(sum2, TWidth.ShiftRightLogical(s2, 32));
            sum3 = TWidth.Add(sum3, TWidth.ShiftRightLogical(s3, 32));
            if (TMultiply.CanReject)
            {
                least = TWidth.Min32(least, TWidth.Min32(TWidth.Min32(TWidth.Add32(s0, mark), TWidth.Add32(s1, mark)), TWidth.Min32(TWidth.Add32(s2, mark), TWidth.Add32(s3, mark))));
            }

            z0 = TWidth.Add(z0, blockStep);
            z1 = TWidth.Add(z1, blockStep);
            z2 = TWidth.Add(z2, blockStep);
            z3 = TWidth.Add(z3, blockStep);
        }

        ulong vectorSum = TWidth.Sum(TWidth.Add(TWidth.Add(sum0, sum1), TWidth.Add(sum2, sum3)));
        bool maybeRejected = TMultiply.CanReject && !TWidth.GreaterThanAll32(least, 0);
        // The tail (under one block) is scalar. After a possible rejection anywhere in the vector part, a cold pass finds the
        // rejected indices and replaces only their values with the definition's (attempt 1, 2, …).
        ulong total = vectorSum + ScalarKernels.SumOffsets(stream, i, end - i);
        return maybeRejected ? unchecked(total + ScalarKernels.RejectionCorrection(stream, start, i - start)) : total;
    }

    /// <summary>The two-multiply fill: exact for any range, with the same rejection test as the two-multiply sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill<TMultiply>(in RandomStream stream, ulong start, Span<int> destination)
        where TMultiply : struct, IRangeMultiply
    {
        TVector z0 = FirstInputs(stream.Seed, start);
        TVector range = TWidth.Create(stream.RangeSize);
        TVector mix1 = TWidth.Create(StreamMath.Mix1), mix2 = TWidth.Create(StreamMath.Mix2);
        TVector blockStep = TWidth.Create(unchecked((ulong)Block * StreamMath.Gamma));
        TVector vectorStep = TWidth.Create(unchecked((ulong)TWidth.Lanes * StreamMath.Gamma));
        TVector z1 = TWidth.Add(z0, vectorStep), z2 = TWidth.Add(z1, vectorStep), z3 = TWidth.Add(z2, vectorStep);
        TVector least = TWidth.Create(ulong.MaxValue), mark = TWidth.Create(RejectionMark);
        uint min = unchecked((uint)stream.Min);
        ref int target = ref MemoryMarshal.GetReference(destination);

        int k = 0;
        for (; destination.Length - k >= Block; k += Block)
        {
            TVector s0 = TMultiply.Scale<TWidth, TVector>(Mix(z0, mix1, mix2), range);
            TVector s1 = TMultiply.Scale<TWidth, TVector>(Mix(z1, mix1, mix2), range);
            TVector s2 = TMultiply.Scale<TWidth, TVector>(Mix(z2, mix1, mix2), range);
            TVector s3 = TMultiply.Scale<TWidth, TVector>(Mix(z3, mix1, mix2), range);
            if (TMultiply.CanReject)
            {
                least = TWidth.Min32(least, TWidth.Min32(TWidth.Min32(TWidth.Add32(s0, mark), TWidth.Add32(s1, mark)), TWidth.Min32(TWidth.Add32(s2, mark), TWidth.Add32(s3, mark))));
            }

            // The offsets sit in the high halves; pairs of vectors become vectors of 32-bit values. min + offset stays in [min, max].
            TWidth.StoreHighHalves(s0, s1, min, ref target, (nuint)k);
            TWidth.StoreHighHalves(s2, s3, min, ref target, (nuint)(k + (2 * TWidth.Lanes)));
            z0 = TWidth.Add(z0, blockStep);
            z1 = TWidth.Add(z1, blockStep);
            z2 = TWidth.Add(z2, blockStep);
            z3 = TWidth.Add(z3, blockStep);
        }

        bool maybeRejected = TMultiply.CanReject && !TWidth.GreaterThanAll32(least, 0);
        // The tail (under one block) is scalar. After a possible rejection in the vector part, only the rejected indices are rewritten.
        ScalarKernels.Fill(stream, start + (ulong)k, destination[k..]);
        if (maybeRejected)
        {
            ScalarKernels.FixRejected(stream, start, destination[..k]);
        }
    }

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

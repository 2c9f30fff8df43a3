using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ParallelSum.Generation.Kernels;

/// <summary>
/// Random stream v1 on vectors of one width, written once for every width: <typeparamref name="TWidth"/> supplies the
/// vector operations and the JIT compiles a specialised copy per width. Results equal <see cref="ScalarKernels"/> exactly:
/// an index whose attempt 0 is rejected (probability below 2^-32 per value) takes its value from the definition's later attempts.
/// </summary>
/// <remarks>
/// <para>Two paths, chosen once per call from the range size by <see cref="OneMultiply.Suits"/>: the one-multiply path for
/// small ranges and the exact two-multiply path for the rest. Callers pass pieces of at most <see cref="StreamKernels.MaxPiece"/>
/// values, which bounds the cost of finding a rejection.</para>
/// <para>The vector loop is written once, <see cref="Run"/>, generic over how a word is scaled (<see cref="IRangeMultiply"/>: one
/// multiply, two, or a shift) and over what is done with the offsets (<see cref="IKernelOperation"/>: sum or store), as
/// TensorPrimitives passes its operators. The entry points below pick the pair and add what the loop leaves: the scalar tail,
/// and the exact redo of a flagged chunk or the rejection fix-up.</para>
/// </remarks>
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

    /// <summary>Gets the values per loop iteration, <c>Unroll * Lanes</c>.</summary>
    internal static int Block => TWidth.Lanes * Unroll;

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
    private static bool TrySumOneMultiply(in RandomStream stream, ulong start, ulong count, out ulong sum)
    {
        ulong blocks = WholeBlocks(count);
        // 32-bit high-half sums: a chunk is short enough for them (see OneMultiply.ChunkFor). The tail (under one block) is scalar.
        ulong vectorSum = Run<SmallRangeMultiply, HighHalfSumOperation>(stream, start, blocks, ref Unsafe.NullRef<int>(), out bool flagged);
        sum = vectorSum + ScalarKernels.SumOffsets(stream, start + blocks, count - blocks);
        return !flagged;
    }

    /// <summary>Fills at most one chunk by the one-multiply path; false when a lane was flagged, and then the chunk is not exact.</summary>
    private static bool TryFillOneMultiply(in RandomStream stream, ulong start, Span<int> destination)
    {
        int blocks = (int)WholeBlocks((ulong)destination.Length);
        Run<SmallRangeMultiply, StoreOperation>(stream, start, (ulong)blocks, ref MemoryMarshal.GetReference(destination), out bool flagged);
        ScalarKernels.Fill(stream, start + (ulong)blocks, destination[blocks..]);
        return !flagged;
    }

    /// <summary>The two-multiply sum: exact for any range. A lane may have been rejected only where it is flagged (see
    /// <see cref="NarrowRangeMultiply"/>); a piece with a flagged lane is scanned again by the definition, which corrects the
    /// lanes that really were rejected.</summary>
    private static ulong SumOffsets<TMultiply>(in RandomStream stream, ulong start, ulong count)
        where TMultiply : struct, IRangeMultiply
    {
        ulong blocks = WholeBlocks(count);
        ulong total = Run<TMultiply, SumOperation>(stream, start, blocks, ref Unsafe.NullRef<int>(), out bool maybeRejected)
            + ScalarKernels.SumOffsets(stream, start + blocks, count - blocks);
        // After a possible rejection anywhere in the vector part, a cold pass finds the rejected indices and replaces only their
        // values with the definition's (attempt 1, 2, …).
        return maybeRejected ? unchecked(total + ScalarKernels.RejectionCorrection(stream, start, blocks)) : total;
    }

    /// <summary>The two-multiply fill: exact for any range, with the same rejection test as the two-multiply sum.</summary>
    private static void Fill<TMultiply>(in RandomStream stream, ulong start, Span<int> destination)
        where TMultiply : struct, IRangeMultiply
    {
        int blocks = (int)WholeBlocks((ulong)destination.Length);
        Run<TMultiply, StoreOperation>(stream, start, (ulong)blocks, ref MemoryMarshal.GetReference(destination), out bool maybeRejected);
        ScalarKernels.Fill(stream, start + (ulong)blocks, destination[blocks..]);
        // After a possible rejection in the vector part, only the rejected indices are rewritten.
        if (maybeRejected)
        {
            ScalarKernels.FixRejected(stream, start, destination[..blocks]);
        }
    }

    /// <summary>The most values of <paramref name="count"/> that whole blocks cover: what <see cref="Run"/> takes; the rest is
    /// the scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong WholeBlocks(ulong count) => count - (count % (ulong)Block);

    /// <summary>
    /// The kernel loop, the only one: mix64 over the indices <c>start, start + 1, …, start + length - 1</c>, each word scaled by
    /// <typeparamref name="TMultiply"/>, each block of four vectors handed to <typeparamref name="TOperation"/>.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="start">The first index.</param>
    /// <param name="length">How many values: a multiple of the block, <c>4 * Lanes</c> (see <see cref="WholeBlocks"/>), at most 2^32.</param>
    /// <param name="destination">Where a store writes value <c>k</c> at <c>destination + k</c>; a sum ignores it.</param>
    /// <param name="flagged">Whether some lane may be flagged (see <see cref="IRangeMultiply"/>); always false where
    /// <typeparamref name="TMultiply"/> cannot flag.</param>
    /// <returns>The sum of the offsets (<see cref="IKernelOperation.Total"/>); 0 for a store.</returns>
    // Not inlined, so no vector of the loop is live across the callers' scalar calls before or after it: a vector live across a
    // call gets a stack home (no vector register is callee-saved), and the JIT then reloads it from the stack in every iteration.
    // Fully optimised from the first call, so a long single call does not start in tier-0 or OSR code. The loop calls nothing.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static ulong Run<TMultiply, TOperation>(in RandomStream stream, ulong start, ulong length, ref int destination, out bool flagged)
        where TMultiply : struct, IRangeMultiply
        where TOperation : struct, IKernelOperation
    {
        // The stream's scalars are read once, before any vector exists: RandomStream.RangeSize is computed and the JIT does not
        // always inline it, and a vector live across that call would get a stack home (seen in the JIT's listing).
        ulong rangeSize = stream.RangeSize;
        uint min = unchecked((uint)stream.Min);
        TVector z0 = FirstInputs(stream.Seed, start);
        TVector range = TWidth.Create(rangeSize);
        TVector mark = TWidth.Create(TMultiply.FlagMark(rangeSize));
        TVector mix1 = TWidth.Create(StreamMath.Mix1), mix2 = TWidth.Create(StreamMath.Mix2);
        TVector blockStep = TWidth.Create(unchecked((ulong)Block * StreamMath.Gamma));
        TVector vectorStep = TWidth.Create(unchecked((ulong)TWidth.Lanes * StreamMath.Gamma));
        TVector z1 = TWidth.Add(z0, vectorStep), z2 = TWidth.Add(z1, vectorStep), z3 = TWidth.Add(z2, vectorStep);
        TVector total = default, least = TWidth.Create(ulong.MaxValue);

        for (ulong k = 0; k < length; k += (ulong)Block)
        {
            TVector s0 = TMultiply.Scale<TWidth, TVector>(Mix(z0, mix1, mix2), range);
            TVector s1 = TMultiply.Scale<TWidth, TVector>(Mix(z1, mix1, mix2), range);
            TVector s2 = TMultiply.Scale<TWidth, TVector>(Mix(z2, mix1, mix2), range);
            TVector s3 = TMultiply.Scale<TWidth, TVector>(Mix(z3, mix1, mix2), range);
            total = TOperation.Apply<TWidth, TVector>(total, s0, s1, s2, s3, min, ref destination, (nuint)k);
            // The flag test is a running 32-bit minimum: two cheap ops per vector, and one compare per call.
            if (TMultiply.CanFlag)
            {
                least = TWidth.Min32(least, TWidth.Min32(TWidth.Min32(TWidth.Add32(s0, mark), TWidth.Add32(s1, mark)), TWidth.Min32(TWidth.Add32(s2, mark), TWidth.Add32(s3, mark))));
            }

            z0 = TWidth.Add(z0, blockStep);
            z1 = TWidth.Add(z1, blockStep);
            z2 = TWidth.Add(z2, blockStep);
            z3 = TWidth.Add(z3, blockStep);
        }

        flagged = TMultiply.CanFlag && !TWidth.GreaterThanAll32(least, TMultiply.FlagLimit(rangeSize));
        return TOperation.Total<TWidth, TVector>(total);
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

using System.Runtime.CompilerServices;

namespace ParallelSum.Generation.Kernels;

/// <summary>Scalar fill and sum kernels over the random stream: the portable path every other kernel must equal.</summary>
internal static class ScalarKernels
{
    /// <summary>Writes the values at <c>start, start + 1, …</c> into <paramref name="destination"/>.</summary>
    internal static void Fill(in RandomStream stream, ulong start, Span<int> destination)
    {
        ulong seed = stream.Seed, range = stream.RangeSize, threshold = stream.Threshold;
        uint min = unchecked((uint)stream.Min);
        for (int i = 0; i < destination.Length; i++)
        {
            // min + offset never leaves [min, max], so the unsigned wrap-around is exact.
            destination[i] = unchecked((int)(min + StreamMath.OffsetAt(seed, start + (ulong)i, range, threshold)));
        }
    }

    /// <summary>The sum of the offsets <c>value - min</c> at <c>[start, start + count)</c>; <paramref name="count"/> at most 2^32.</summary>
    internal static ulong SumOffsets(in RandomStream stream, ulong start, ulong count)
    {
        ulong seed = stream.Seed, range = stream.RangeSize, threshold = stream.Threshold;
        // Two independent accumulators let consecutive indices' multiply chains overlap in the pipeline.
        ulong sum0 = 0, sum1 = 0;
        ulong end = start + count;
        ulong i = start;
        for (; i + 1 < end; i += 2)
        {
            sum0 += StreamMath.OffsetAt(seed, i, range, threshold);
            sum1 += StreamMath.OffsetAt(seed, i + 1, range, threshold);
        }

        if (i < end)
        {
            sum0 += StreamMath.OffsetAt(seed, i, range, threshold);
        }

        return sum0 + sum1;
    }

    /// <summary>
    /// For a piece whose vector pass saw a rejection: the amount to add to the vector sum so that every rejected index counts
    /// its value from the definition's later attempts instead of attempt 0's high half. Only rejected indices are recomputed.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static ulong RejectionCorrection(in RandomStream stream, ulong start, ulong count)
    {
        ulong seed = stream.Seed, range = stream.RangeSize, threshold = stream.Threshold, correction = 0;
        for (ulong i = start; i < start + count; i++)
        {
            ulong high = Math.BigMul(StreamMath.Word(seed, i, 0), range, out ulong low);
            if (low < threshold)
            {
                // Wrapping arithmetic: the vector sum holds `high` for this index; replace it with the accepted offset.
                correction += unchecked(StreamMath.OffsetAfterRejection(seed, i, range, threshold) - high);
            }
        }

        return correction;
    }

    /// <summary>For a filled piece whose vector pass saw a rejection: rewrites the values of the rejected indices only.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void FixRejected(in RandomStream stream, ulong start, Span<int> destination)
    {
        ulong seed = stream.Seed, range = stream.RangeSize, threshold = stream.Threshold;
        for (int k = 0; k < destination.Length; k++)
        {
            _ = Math.BigMul(StreamMath.Word(seed, start + (ulong)k, 0), range, out ulong low);
            if (low < threshold)
            {
                destination[k] = unchecked((int)((uint)stream.Min + StreamMath.OffsetAfterRejection(seed, start + (ulong)k, range, threshold)));
            }
        }
    }
}

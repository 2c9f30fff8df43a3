namespace ParallelSum.Kernels;

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
}

using System.Runtime.CompilerServices;

namespace ParallelSum.Generation.Kernels;

/// <summary>The scalar definition of random stream v1 (docs/random-stream-v1.md), shared by every kernel.</summary>
internal static class StreamMath
{
    /// <summary>The golden-ratio increment of SplitMix64.</summary>
    internal const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The multiplier that makes each retry attempt an independent SplitMix64 stream.</summary>
    internal const ulong Retry = 0xD1B54A32D192ED03UL;

    internal const ulong Mix1 = 0xBF58476D1CE4E5B9UL;
    internal const ulong Mix2 = 0x94D049BB133111EBUL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mix64(ulong z)
    {
        z = (z ^ (z >> 30)) * Mix1;
        z = (z ^ (z >> 27)) * Mix2;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Word(ulong seed, ulong index, ulong attempt) =>
        unchecked(Mix64((seed ^ (attempt * Retry)) + ((index + 1) * Gamma)));

    /// <summary>The offset <c>value - min</c> at an index: below <paramref name="rangeSize"/>, so below 2^32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint OffsetAt(ulong seed, ulong index, ulong rangeSize, ulong threshold)
    {
        ulong high = Math.BigMul(Word(seed, index, 0), rangeSize, out ulong low);
        // A rejection has probability below 2^-32; keep the common path short and branch out for it.
        return low >= threshold ? (uint)high : OffsetAfterRejection(seed, index, rangeSize, threshold);
    }

    /// <summary>Attempts 1, 2, … for an index whose attempt 0 was rejected.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static uint OffsetAfterRejection(ulong seed, ulong index, ulong rangeSize, ulong threshold)
    {
        for (ulong attempt = 1; ; attempt++)
        {
            ulong high = Math.BigMul(Word(seed, index, attempt), rangeSize, out ulong low);
            if (low >= threshold)
            {
                return (uint)high;
            }
        }
    }
}

namespace ParallelSum.Kernels;

/// <summary>
/// The fastest fill and sum kernels this machine runs, chosen once at start-up: 512-bit vectors where accelerated, else 256,
/// else 128, else scalar. Every path returns exactly what <see cref="ScalarKernels"/> returns.
/// </summary>
internal static class StreamKernels
{
    /// <summary>Gets the vector width in bits the kernels run at here: 512, 256, 128, or 64 for scalar.</summary>
    public static int Width { get; } =
        Vector512Kernels.IsSupported ? 512 : Vector256Kernels.IsSupported ? 256 : Vector128Kernels.IsSupported ? 128 : 64;

    /// <summary>The sum of the offsets <c>value - min</c> at <c>[start, start + count)</c>; <paramref name="count"/> at most 2^32.</summary>
    public static ulong SumOffsets(in RandomStream stream, ulong start, ulong count) =>
        // Width is a static readonly value after tier-1 compilation, so the JIT folds this chain to one call.
        Width switch
        {
            512 => Vector512Kernels.SumOffsets(stream, start, count),
            256 => Vector256Kernels.SumOffsets(stream, start, count),
            128 => Vector128Kernels.SumOffsets(stream, start, count),
            _ => ScalarKernels.SumOffsets(stream, start, count),
        };

    /// <summary>Writes the values at <c>start, start + 1, …</c> into <paramref name="destination"/>.</summary>
    public static void Fill(in RandomStream stream, ulong start, Span<int> destination)
    {
        switch (Width)
        {
            case 512: Vector512Kernels.Fill(stream, start, destination); break;
            case 256: Vector256Kernels.Fill(stream, start, destination); break;
            case 128: Vector128Kernels.Fill(stream, start, destination); break;
            default: ScalarKernels.Fill(stream, start, destination); break;
        }
    }
}

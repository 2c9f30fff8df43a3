using System.Runtime.CompilerServices;
using Kernel128 = ParallelSum.Numerics.BinnedBlockSum<ParallelSum.Numerics.Vector128Lanes, System.Runtime.Intrinsics.Vector128<double>>;
using Kernel256 = ParallelSum.Numerics.BinnedBlockSum<ParallelSum.Numerics.Vector256Lanes, System.Runtime.Intrinsics.Vector256<double>>;
using Kernel512 = ParallelSum.Numerics.BinnedBlockSum<ParallelSum.Numerics.Vector512Lanes, System.Runtime.Intrinsics.Vector512<double>>;
using KernelScalar = ParallelSum.Numerics.BinnedBlockSum<ParallelSum.Numerics.ScalarLanes, double>;

namespace ParallelSum.Numerics;

/// <summary>
/// The widest exact block kernel this machine runs, chosen once at start-up: 512-bit vectors where accelerated, else 256,
/// else 128, else scalar. Every width adds exactly the same value (see <see cref="BinnedBlock"/>).
/// </summary>
internal static class BinnedBlockKernels
{
    /// <summary>Gets the vector width in bits the kernel runs at here: 512, 256, 128, or 64 for scalar.</summary>
    public static int Width { get; } =
        Vector512Lanes.IsSupported ? 512 : Vector256Lanes.IsSupported ? 256 : Vector128Lanes.IsSupported ? 128 : 64;

    /// <summary>Adds every value exactly to <paramref name="sum"/> at this machine's width.</summary>
    /// <returns>What the values tell beyond their finite sum.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SumFlags Add(ReadOnlySpan<double> values, FixedPointSum sum) => Add(Width, values, sum);

    /// <summary>As <see cref="Add(ReadOnlySpan{double}, FixedPointSum)"/> at a given width (512, 256, 128 or 64); a width that
    /// is not accelerated here still gives the same result, only slower. Lets tests run every width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static SumFlags Add(int width, ReadOnlySpan<double> values, FixedPointSum sum) => width switch
    {
        // Width is a static readonly value after tier-1 compilation and this method is inlined, so the JIT folds the switch.
        512 => Kernel512.Add(values, sum),
        256 => Kernel256.Add(values, sum),
        128 => Kernel128.Add(values, sum),
        _ => KernelScalar.Add(values, sum),
    };
}

using ParallelSum.Numerics;

namespace ParallelSum.Tests.Numerics;

/// <summary>The exact-sum kernel's widths, for tests that run every one this machine accelerates: the skip, and the sum at a
/// chosen width.</summary>
internal static class KernelWidths
{
    public static bool IsAccelerated(int width) => width switch
    {
        512 => Vector512Lanes.IsSupported,
        256 => Vector256Lanes.IsSupported,
        128 => Vector128Lanes.IsSupported,
        _ => true,
    };

    public static void SkipUnlessAccelerated(int width) =>
        Skip.IfNot(IsAccelerated(width), $"{width}-bit vectors are not accelerated here (CPU or DOTNET_Enable* settings); this run checks the others.");

    /// <summary>The sum at one width, through the accumulator's rounding and special-value rules.</summary>
    public static double Sum(int width, ReadOnlySpan<double> values)
    {
        var accumulator = new ExactSumAccumulator();
        accumulator.Add(width, values);
        return accumulator.ToDouble();
    }
}

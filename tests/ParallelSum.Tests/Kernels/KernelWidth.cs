using ParallelSum.Kernels;

namespace ParallelSum.Tests.Kernels;

/// <summary>One vector width's kernel entry points, so a test can run every width the same way.</summary>
public sealed record KernelWidth(
    int Bits,
    Func<bool> IsSupported,
    KernelWidth.SumKernel Sum,
    KernelWidth.FillKernel Fill,
    KernelWidth.SumKernel SumOneMultiply,
    KernelWidth.SumKernel SumTwoMultiply,
    KernelWidth.FillKernel FillOneMultiply,
    KernelWidth.FillKernel FillTwoMultiply)
{
    public delegate ulong SumKernel(in RandomStream stream, ulong start, ulong count);

    public delegate void FillKernel(in RandomStream stream, ulong start, Span<int> destination);

    private static readonly Dictionary<int, KernelWidth> All = new KernelWidth[]
    {
        new(512, () => Vector512Kernels.IsSupported, Vector512Kernels.SumOffsets, Vector512Kernels.Fill, Vector512Kernels.SumOffsetsOneMultiply,
            Vector512Kernels.SumOffsetsTwoMultiply, Vector512Kernels.FillOneMultiply, Vector512Kernels.FillTwoMultiply),
        new(256, () => Vector256Kernels.IsSupported, Vector256Kernels.SumOffsets, Vector256Kernels.Fill, Vector256Kernels.SumOffsetsOneMultiply,
            Vector256Kernels.SumOffsetsTwoMultiply, Vector256Kernels.FillOneMultiply, Vector256Kernels.FillTwoMultiply),
        new(128, () => Vector128Kernels.IsSupported, Vector128Kernels.SumOffsets, Vector128Kernels.Fill, Vector128Kernels.SumOffsetsOneMultiply,
            Vector128Kernels.SumOffsetsTwoMultiply, Vector128Kernels.FillOneMultiply, Vector128Kernels.FillTwoMultiply),
    }.ToDictionary(w => w.Bits);

    /// <summary>The vector widths, for <c>[MemberData]</c>.</summary>
    public static TheoryData<int> Names() => new(All.Keys);

    /// <summary>The kernels of a width; skips the calling test, saying why, where this machine or run does not accelerate it.</summary>
    public static KernelWidth Get(int bits)
    {
        KernelWidth width = All[bits];
        Skip.IfNot(width.IsSupported(), $"{bits}-bit kernels are not accelerated here (CPU or DOTNET_Enable* settings); this run checks the others.");
        return width;
    }
}

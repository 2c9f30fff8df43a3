using Kernel128 = ParallelSum.Generation.Kernels.VectorKernel<ParallelSum.Generation.Kernels.Vector128Width, System.Runtime.Intrinsics.Vector128<ulong>>;
using Kernel256 = ParallelSum.Generation.Kernels.VectorKernel<ParallelSum.Generation.Kernels.Vector256Width, System.Runtime.Intrinsics.Vector256<ulong>>;
using Kernel512 = ParallelSum.Generation.Kernels.VectorKernel<ParallelSum.Generation.Kernels.Vector512Width, System.Runtime.Intrinsics.Vector512<ulong>>;

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
        new(512, () => Kernel512.IsSupported, Kernel512.SumOffsets, Kernel512.Fill, Kernel512.SumOffsetsOneMultiply,
            Kernel512.SumOffsetsTwoMultiply, Kernel512.FillOneMultiply, Kernel512.FillTwoMultiply),
        new(256, () => Kernel256.IsSupported, Kernel256.SumOffsets, Kernel256.Fill, Kernel256.SumOffsetsOneMultiply,
            Kernel256.SumOffsetsTwoMultiply, Kernel256.FillOneMultiply, Kernel256.FillTwoMultiply),
        new(128, () => Kernel128.IsSupported, Kernel128.SumOffsets, Kernel128.Fill, Kernel128.SumOffsetsOneMultiply,
            Kernel128.SumOffsetsTwoMultiply, Kernel128.FillOneMultiply, Kernel128.FillTwoMultiply),
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

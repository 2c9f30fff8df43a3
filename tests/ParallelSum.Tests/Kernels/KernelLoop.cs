using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ParallelSum.Tests.Kernels;

/// <summary>One vector width's kernel loop (<c>VectorKernel.Run</c>) and its operations, called with the width chosen at run
/// time, so a test can run every width, scaling and operation the same way. Vectors go in and out as arrays of 64-bit lanes.</summary>
internal interface IKernelLoop
{
    /// <summary>Gets the number of 64-bit lanes of the width.</summary>
    int Lanes { get; }

    /// <summary>Gets the values per loop iteration: four vectors.</summary>
    int Block { get; }

    /// <summary>The most values of <paramref name="count"/> that whole blocks cover.</summary>
    ulong WholeBlocks(ulong count);

    /// <summary>Runs the kernel loop: a sum with an empty <paramref name="destination"/> (as the kernels call it), a store into it.</summary>
    ulong Run<TMultiply, TOperation>(in RandomStream stream, ulong start, ulong length, Span<int> destination, out bool flagged)
        where TMultiply : struct, IRangeMultiply
        where TOperation : struct, IKernelOperation;

    /// <summary>Applies the operation once: <paramref name="total"/> is one vector's lanes, <paramref name="block"/> four vectors'
    /// lanes in order; returns the new total's lanes.</summary>
    ulong[] Apply<TOperation>(ulong[] total, ulong[] block, uint min, Span<int> destination, int offset)
        where TOperation : struct, IKernelOperation;

    /// <summary>The operation's total of one vector's lanes.</summary>
    ulong Total<TOperation>(ulong[] total)
        where TOperation : struct, IKernelOperation;
}

/// <summary>The kernel loops of every width.</summary>
internal static class KernelLoop
{
    private static readonly Dictionary<int, IKernelLoop> All = new()
    {
        [512] = new KernelLoop<Vector512Width, Vector512<ulong>>(),
        [256] = new KernelLoop<Vector256Width, Vector256<ulong>>(),
        [128] = new KernelLoop<Vector128Width, Vector128<ulong>>(),
    };

    /// <summary>The loop of a width; skips the calling test, saying why, where this machine or run does not accelerate it.</summary>
    public static IKernelLoop Get(int bits)
    {
        _ = KernelWidth.Get(bits);
        return All[bits];
    }
}

/// <summary>The kernel loop of one width.</summary>
internal sealed class KernelLoop<TWidth, TVector> : IKernelLoop
    where TWidth : struct, IVectorWidth<TVector>
    where TVector : struct
{
    public int Lanes => TWidth.Lanes;

    public int Block => VectorKernel<TWidth, TVector>.Block;

    public ulong WholeBlocks(ulong count) => VectorKernel<TWidth, TVector>.WholeBlocks(count);

    public ulong Run<TMultiply, TOperation>(in RandomStream stream, ulong start, ulong length, Span<int> destination, out bool flagged)
        where TMultiply : struct, IRangeMultiply
        where TOperation : struct, IKernelOperation =>
        VectorKernel<TWidth, TVector>.Run<TMultiply, TOperation>(stream, start, length, ref MemoryMarshal.GetReference(destination), out flagged);

    public ulong[] Apply<TOperation>(ulong[] total, ulong[] block, uint min, Span<int> destination, int offset)
        where TOperation : struct, IKernelOperation
    {
        TVector result = TOperation.Apply<TWidth, TVector>(
            Load(total, 0), Load(block, 0), Load(block, 1), Load(block, 2), Load(block, 3), min, ref MemoryMarshal.GetReference(destination), (nuint)offset);
        var lanes = new ulong[TWidth.Lanes];
        Unsafe.WriteUnaligned(ref Unsafe.As<ulong, byte>(ref lanes[0]), result);
        return lanes;
    }

    public ulong Total<TOperation>(ulong[] total)
        where TOperation : struct, IKernelOperation => TOperation.Total<TWidth, TVector>(Load(total, 0));

    private static TVector Load(ulong[] lanes, int vector)
    {
        Assert.True(lanes.Length >= (vector + 1) * TWidth.Lanes);
        return Unsafe.ReadUnaligned<TVector>(ref Unsafe.As<ulong, byte>(ref lanes[vector * TWidth.Lanes]));
    }
}

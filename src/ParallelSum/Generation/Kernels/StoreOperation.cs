using System.Runtime.CompilerServices;

namespace ParallelSum.Generation.Kernels;

/// <summary>Stores the values: the offsets sit in the high halves, so pairs of vectors become vectors of 32-bit values
/// (<see cref="IVectorWidth{TVector}.StoreHighHalves"/>). <c>min + offset</c> stays in <c>[min, max]</c>, so the 32-bit
/// wrap-around is exact.</summary>
internal readonly struct StoreOperation : IKernelOperation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<TWidth, TVector>(TVector total, TVector s0, TVector s1, TVector s2, TVector s3, uint min, ref int destination, nuint offset)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct
    {
        TWidth.StoreHighHalves(s0, s1, min, ref destination, offset);
        TWidth.StoreHighHalves(s2, s3, min, ref destination, offset + (nuint)(2 * TWidth.Lanes));
        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Total<TWidth, TVector>(TVector total)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct => 0;
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ParallelSum.Generation.Kernels;

/// <summary>512-bit vectors: 8 lanes. The widening multiply is vpmuludq (AVX-512F).</summary>
internal readonly struct Vector512Width : IVectorWidth<Vector512<ulong>>
{
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    public static int Lanes => 8;

    public static Vector512<ulong> Indices
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Create(ulong value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Add(Vector512<ulong> left, Vector512<ulong> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Xor(Vector512<ulong> left, Vector512<ulong> right) => left ^ right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Multiply(Vector512<ulong> left, Vector512<ulong> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> MultiplyLow32(Vector512<ulong> left, Vector512<ulong> right) => Avx512F.Multiply(left.AsUInt32(), right.AsUInt32());

    // Stryker disable once Bitwise : ">>" is equivalent here; on unsigned lanes it is the same shift.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> ShiftRightLogical(Vector512<ulong> value, int count) => value >>> count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Sum(Vector512<ulong> value) => Vector512.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Add32(Vector512<ulong> left, Vector512<ulong> right) => (left.AsUInt32() + right.AsUInt32()).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Min32(Vector512<ulong> left, Vector512<ulong> right) => Vector512.Min(left.AsUInt32(), right.AsUInt32()).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThanAll32(Vector512<ulong> value, uint limit) => Vector512.GreaterThanAll(value.AsUInt32(), Vector512.Create(limit));

    /// <summary>One vpermt2d picks the odd 32-bit elements of both vectors (a shift and a narrow each would take three).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreHighHalves(Vector512<ulong> first, Vector512<ulong> second, uint add, ref int destination, nuint offset) =>
        (Avx512F.PermuteVar16x32x2(first.AsUInt32(), Vector512.Create(1U, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31), second.AsUInt32())
            + Vector512.Create(add)).AsInt32().StoreUnsafe(ref destination, offset);
}

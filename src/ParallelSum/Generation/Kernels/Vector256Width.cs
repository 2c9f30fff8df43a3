using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ParallelSum.Generation.Kernels;

/// <summary>256-bit vectors: 4 lanes. The widening multiply is vpmuludq (AVX2).</summary>
internal readonly struct Vector256Width : IVectorWidth<Vector256<ulong>>
{
    // Stryker disable once Logical : equivalent where tests run; on x64, 256-bit vectors are accelerated exactly when AVX2 is there.
    public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

    public static int Lanes => 4;

    public static Vector256<ulong> Indices
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.Create(0UL, 1, 2, 3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Create(ulong value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Add(Vector256<ulong> left, Vector256<ulong> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Xor(Vector256<ulong> left, Vector256<ulong> right) => left ^ right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Multiply(Vector256<ulong> left, Vector256<ulong> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> MultiplyLow32(Vector256<ulong> left, Vector256<ulong> right) => Avx2.Multiply(left.AsUInt32(), right.AsUInt32());

    // Stryker disable once Bitwise : ">>" is equivalent here; on unsigned lanes it is the same shift.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> ShiftRightLogical(Vector256<ulong> value, int count) => value >>> count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Sum(Vector256<ulong> value) => Vector256.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Add32(Vector256<ulong> left, Vector256<ulong> right) => (left.AsUInt32() + right.AsUInt32()).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Min32(Vector256<ulong> left, Vector256<ulong> right) => Vector256.Min(left.AsUInt32(), right.AsUInt32()).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThanAll32(Vector256<ulong> value, uint limit) => Vector256.GreaterThanAll(value.AsUInt32(), Vector256.Create(limit));

    /// <summary>vshufps picks the odd 32-bit elements per 128-bit half, vpermq puts the halves in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreHighHalves(Vector256<ulong> first, Vector256<ulong> second, uint add, ref int destination, nuint offset)
    {
        Vector256<ulong> odd = Avx.Shuffle(first.AsSingle(), second.AsSingle(), 0b11_01_11_01).AsUInt64();
        (Avx2.Permute4x64(odd, 0b11_01_10_00).AsUInt32() + Vector256.Create(add)).AsInt32().StoreUnsafe(ref destination, offset);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ParallelSum.Generation.Kernels;

/// <summary>128-bit vectors: 2 lanes, on any CPU that accelerates them (SSE2 on x64, AdvSimd on Arm64). Only the widening
/// multiply needs a per-architecture instruction; everything else is portable <see cref="Vector128"/>.</summary>
internal readonly struct Vector128Width : IVectorWidth<Vector128<ulong>>
{
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public static int Lanes => 2;

    public static Vector128<ulong> Indices
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.Create(0UL, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ulong> Create(ulong value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ulong> Add(Vector128<ulong> left, Vector128<ulong> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ulong> Xor(Vector128<ulong> left, Vector128<ulong> right) => left ^ right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ulong> Multiply(Vector128<ulong> left, Vector128<ulong> right) => left * right;

    /// <summary>pmuludq on x64; on Arm64 umull of the narrowed low halves; elsewhere a masked 64-bit multiply.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ulong> MultiplyLow32(Vector128<ulong> left, Vector128<ulong> right)
    {
        // Stryker disable once Block,Boolean : equivalent; every branch gives the same lanes, and which one runs is this CPU's.
        if (Sse2.IsSupported)
        {
            return Sse2.Multiply(left.AsUInt32(), right.AsUInt32());
        }

        // Stryker disable once all : runs only on Arm64, which no test machine of this project has.
        if (AdvSimd.IsSupported)
        {
            return AdvSimd.MultiplyWideningLower(AdvSimd.ExtractNarrowingLower(left), AdvSimd.ExtractNarrowingLower(right));
        }

        return MultiplyLow32Portable(left, right);
    }

    /// <summary>The widening multiply of the low 32 bits of each lane in portable operations; the fallback of
    /// <see cref="MultiplyLow32"/>, tested against it.</summary>
    internal static Vector128<ulong> MultiplyLow32Portable(Vector128<ulong> left, Vector128<ulong> right)
    {
        Vector128<ulong> low32 = Vector128.Create((ulong)uint.MaxValue);
        return (left & low32) * (right & low32);
    }

    // Stryker disable once Bitwise : ">>" is equivalent here; on unsigned lanes it is the same shift.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ulong> ShiftRightLogical(Vector128<ulong> value, int count) => value >>> count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Sum(Vector128<ulong> value) => Vector128.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ulong> Add32(Vector128<ulong> left, Vector128<ulong> right) => (left.AsUInt32() + right.AsUInt32()).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ulong> Min32(Vector128<ulong> left, Vector128<ulong> right) => Vector128.Min(left.AsUInt32(), right.AsUInt32()).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThanAll32(Vector128<ulong> value, uint limit) => Vector128.GreaterThanAll(value.AsUInt32(), Vector128.Create(limit));

    /// <summary>shufps on x64 and uzp2 on Arm64 pick the odd 32-bit elements of both vectors in one instruction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreHighHalves(Vector128<ulong> first, Vector128<ulong> second, uint add, ref int destination, nuint offset)
    {
        // Stryker disable once all : equivalent choice (every branch gives the same lanes, and which runs is this CPU's);
        // the Arm64 branch runs only on Arm64, which no test machine of this project has.
        Vector128<uint> odd = Sse.IsSupported ? Sse.Shuffle(first.AsSingle(), second.AsSingle(), 0b11_01_11_01).AsUInt32()
            : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.UnzipOdd(first.AsUInt32(), second.AsUInt32())
            : HighHalvesPortable(first, second);
        (odd + Vector128.Create(add)).AsInt32().StoreUnsafe(ref destination, offset);
    }

    /// <summary>The high 32 bits of each lane of both vectors, in order, in portable operations; the fallback of
    /// <see cref="StoreHighHalves"/>, tested against it.</summary>
    // Stryker disable once Bitwise : ">>" is equivalent here; on unsigned lanes it is the same shift.
    internal static Vector128<uint> HighHalvesPortable(Vector128<ulong> first, Vector128<ulong> second) =>
        Vector128.Narrow(first >>> 32, second >>> 32);
}

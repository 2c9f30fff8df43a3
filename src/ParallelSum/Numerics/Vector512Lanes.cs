using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ParallelSum.Numerics;

/// <summary>512-bit vectors: 8 doubles.</summary>
internal readonly struct Vector512Lanes : IDoubleLanes<Vector512<double>>
{
    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    public static int Count => 8;

    public static Vector512<double> Zero => Vector512<double>.Zero;

    public static Vector512<double> MagnitudeMask => Vector512.Create(long.MaxValue).AsDouble();

    public static Vector512<double> AllBitsSet => Vector512<double>.AllBitsSet;

    public static Vector512<double> HighHalfSeed => Vector512.Create(int.MaxValue).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Create(double value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Load(ref double source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Add(Vector512<double> left, Vector512<double> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Subtract(Vector512<double> left, Vector512<double> right) => left - right;

    // Stryker disable once Conditional,Arithmetic : equivalent; fma(right, 1, left) rounds exactly as left + right does, and the portable branch runs only where AVX-512F is not supported (this machine has it).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> AddOnMultiplier(Vector512<double> left, Vector512<double> right) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(right, Vector512.Create(1.0), left) : left + right;

    // Stryker disable once Conditional,Arithmetic : equivalent; fma(right, -1, left) rounds exactly as left − right does, and the portable branch runs only where AVX-512F is not supported (this machine has it).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> SubtractOnMultiplier(Vector512<double> left, Vector512<double> right) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(right, Vector512.Create(-1.0), left) : left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Multiply(Vector512<double> left, Vector512<double> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> ConvertToInt64(Vector512<double> value) => Vector512.ConvertToInt64(value).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector512<double> value) => Vector512.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> AddBits(Vector512<double> sum, Vector512<double> values) => (sum.AsInt64() + values.AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SumBits(Vector512<double> sum) => Vector512.Sum(sum.AsInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldHighHalves(Vector512<double> first, Vector512<double> second, Vector512<double> mask, ref Vector512<double> maximum, ref Vector512<double> minimum)
    {
        // shufps picks the odd 32-bit elements of both vectors (the high halves) in one instruction; elsewhere a shift and a blend.
        // Stryker disable once Conditional,Bitwise : equivalent; both branches give the same high halves in another lane order, which the folds' reductions over every lane cannot see, and the portable one runs only without AVX-512F (this machine has it).
        Vector512<int> high = Avx512F.IsSupported ? Avx512F.Shuffle(first.AsSingle(), second.AsSingle(), 0b11_01_11_01).AsInt32()
            : ((first.AsUInt64() >>> 32) | (second.AsUInt64() & Vector512.Create(0xFFFF_FFFF_0000_0000UL))).AsInt32();
        high &= mask.AsInt32();
        maximum = Vector512.Max(maximum.AsInt32(), high).AsDouble();
        minimum = Vector512.Min(minimum.AsInt32(), high).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MaxHighHalf(Vector512<double> value)
    {
        // Halve the vector down to 128 bits, then the last four lanes.
        Vector256<int> half = Vector256.Max(value.AsInt32().GetLower(), value.AsInt32().GetUpper());
        Vector128<int> quarter = Vector128.Max(half.GetLower(), half.GetUpper());
        return Math.Max(Math.Max(quarter.GetElement(0), quarter.GetElement(1)), Math.Max(quarter.GetElement(2), quarter.GetElement(3)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MinHighHalf(Vector512<double> value)
    {
        // Halve the vector down to 128 bits, then the last four lanes.
        Vector256<int> half = Vector256.Min(value.AsInt32().GetLower(), value.AsInt32().GetUpper());
        Vector128<int> quarter = Vector128.Min(half.GetLower(), half.GetUpper());
        return Math.Min(Math.Min(quarter.GetElement(0), quarter.GetElement(1)), Math.Min(quarter.GetElement(2), quarter.GetElement(3)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldMaximum(Vector512<double> values, Vector512<double> mask, ref Vector512<double> maximum) =>
        maximum = Vector512.Max(maximum.AsInt64(), (values & mask).AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldNonZeroMinimum(Vector512<double> values, Vector512<double> mask, ref Vector512<double> minimum) =>
        minimum = Vector512.Min(minimum.AsUInt64(), (values & mask).AsUInt64() - Vector512<ulong>.One).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MaxLane(Vector512<double> maximum)
    {
        long result = long.MinValue;
        for (int i = 0; i < 8; i++)
        {
            result = Math.Max(result, maximum.AsInt64().GetElement(i));
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MinLaneUnsigned(Vector512<double> minimum)
    {
        ulong result = ulong.MaxValue;
        for (int i = 0; i < 8; i++)
        {
            result = Math.Min(result, minimum.AsUInt64().GetElement(i));
        }

        return result;
    }
}

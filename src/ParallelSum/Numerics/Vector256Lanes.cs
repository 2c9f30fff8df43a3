using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ParallelSum.Numerics;

/// <summary>256-bit vectors: 4 doubles.</summary>
internal readonly struct Vector256Lanes : IDoubleLanes<Vector256<double>>
{
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    public static int Count => 4;

    public static Vector256<double> Zero => Vector256<double>.Zero;

    public static Vector256<double> MagnitudeMask => Vector256.Create(long.MaxValue).AsDouble();

    public static Vector256<double> AllBitsSet => Vector256<double>.AllBitsSet;

    public static Vector256<double> HighHalfSeed => Vector256.Create(int.MaxValue).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Create(double value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(ref double source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Add(Vector256<double> left, Vector256<double> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Subtract(Vector256<double> left, Vector256<double> right) => left - right;

    // Stryker disable once Conditional,Arithmetic : equivalent; fma(right, 1, left) rounds exactly as left + right does, and the portable branch runs only where FMA is not supported (this machine has it).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> AddOnMultiplier(Vector256<double> left, Vector256<double> right) =>
        Fma.IsSupported ? Fma.MultiplyAdd(right, Vector256.Create(1.0), left) : left + right;

    // Stryker disable once Conditional,Arithmetic : equivalent; fma(right, -1, left) rounds exactly as left − right does, and the portable branch runs only where FMA is not supported (this machine has it).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SubtractOnMultiplier(Vector256<double> left, Vector256<double> right) =>
        Fma.IsSupported ? Fma.MultiplyAdd(right, Vector256.Create(-1.0), left) : left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> left, Vector256<double> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ConvertToInt64(Vector256<double> value) => Vector256.ConvertToInt64(value).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector256<double> value) => Vector256.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> AddBits(Vector256<double> sum, Vector256<double> values) => (sum.AsInt64() + values.AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SumBits(Vector256<double> sum) => Vector256.Sum(sum.AsInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldHighHalves(Vector256<double> first, Vector256<double> second, Vector256<double> mask, ref Vector256<double> maximum, ref Vector256<double> minimum)
    {
        // shufps picks the odd 32-bit elements of both vectors (the high halves) in one instruction; elsewhere a shift and a blend.
        // Stryker disable once Conditional,Bitwise : equivalent; both branches give the same high halves in another lane order, which the folds' reductions over every lane cannot see, and the portable one runs only without AVX (this machine has it).
        Vector256<int> high = Avx.IsSupported ? Avx.Shuffle(first.AsSingle(), second.AsSingle(), 0b11_01_11_01).AsInt32()
            : ((first.AsUInt64() >>> 32) | (second.AsUInt64() & Vector256.Create(0xFFFF_FFFF_0000_0000UL))).AsInt32();
        high &= mask.AsInt32();
        maximum = Vector256.Max(maximum.AsInt32(), high).AsDouble();
        minimum = Vector256.Min(minimum.AsInt32(), high).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MaxHighHalf(Vector256<double> value)
    {
        // Halve the vector down to 128 bits, then the last four lanes.
        Vector128<int> quarter = Vector128.Max(value.AsInt32().GetLower(), value.AsInt32().GetUpper());
        return Math.Max(Math.Max(quarter.GetElement(0), quarter.GetElement(1)), Math.Max(quarter.GetElement(2), quarter.GetElement(3)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MinHighHalf(Vector256<double> value)
    {
        // Halve the vector down to 128 bits, then the last four lanes.
        Vector128<int> quarter = Vector128.Min(value.AsInt32().GetLower(), value.AsInt32().GetUpper());
        return Math.Min(Math.Min(quarter.GetElement(0), quarter.GetElement(1)), Math.Min(quarter.GetElement(2), quarter.GetElement(3)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldMaximum(Vector256<double> values, Vector256<double> mask, ref Vector256<double> maximum) =>
        maximum = Vector256.Max(maximum.AsInt64(), (values & mask).AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldNonZeroMinimum(Vector256<double> values, Vector256<double> mask, ref Vector256<double> minimum) =>
        minimum = Vector256.Min(minimum.AsUInt64(), (values & mask).AsUInt64() - Vector256<ulong>.One).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MaxLane(Vector256<double> maximum)
    {
        long result = long.MinValue;
        for (int i = 0; i < 4; i++)
        {
            result = Math.Max(result, maximum.AsInt64().GetElement(i));
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MinLaneUnsigned(Vector256<double> minimum)
    {
        ulong result = ulong.MaxValue;
        for (int i = 0; i < 4; i++)
        {
            result = Math.Min(result, minimum.AsUInt64().GetElement(i));
        }

        return result;
    }
}

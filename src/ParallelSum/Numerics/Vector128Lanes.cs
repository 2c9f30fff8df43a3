using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ParallelSum.Numerics;

/// <summary>128-bit vectors: 2 doubles.</summary>
internal readonly struct Vector128Lanes : IDoubleLanes<Vector128<double>>
{
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public static int Count => 2;

    public static Vector128<double> Zero => Vector128<double>.Zero;

    public static Vector128<double> MagnitudeMask => Vector128.Create(long.MaxValue).AsDouble();

    public static Vector128<double> AllBitsSet => Vector128<double>.AllBitsSet;

    public static Vector128<double> HighHalfSeed => Vector128.Create(int.MaxValue).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Create(double value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Load(ref double source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Add(Vector128<double> left, Vector128<double> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Subtract(Vector128<double> left, Vector128<double> right) => left - right;

    // Stryker disable once Conditional,Arithmetic : equivalent; fma(right, 1, left) rounds exactly as left + right does, and the portable branch runs only where FMA is not supported (this machine has it).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> AddOnMultiplier(Vector128<double> left, Vector128<double> right) =>
        Fma.IsSupported ? Fma.MultiplyAdd(right, Vector128.Create(1.0), left) : left + right;

    // Stryker disable once Conditional,Arithmetic : equivalent; fma(right, -1, left) rounds exactly as left − right does, and the portable branch runs only where FMA is not supported (this machine has it).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> SubtractOnMultiplier(Vector128<double> left, Vector128<double> right) =>
        Fma.IsSupported ? Fma.MultiplyAdd(right, Vector128.Create(-1.0), left) : left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Multiply(Vector128<double> left, Vector128<double> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ConvertToInt64(Vector128<double> value) => Vector128.ConvertToInt64(value).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector128<double> value) => Vector128.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> AddBits(Vector128<double> sum, Vector128<double> values) => (sum.AsInt64() + values.AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SumBits(Vector128<double> sum) => Vector128.Sum(sum.AsInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldHighHalves(Vector128<double> first, Vector128<double> second, Vector128<double> mask, ref Vector128<double> maximum, ref Vector128<double> minimum)
    {
        // shufps picks the odd 32-bit elements of both vectors (the high halves) in one instruction; elsewhere a shift and a blend.
        // Stryker disable once Conditional,Bitwise : equivalent; both branches give the same high halves in another lane order, which the folds' reductions over every lane cannot see, and the portable one runs only without SSE (this machine has it).
        Vector128<int> high = Sse.IsSupported ? Sse.Shuffle(first.AsSingle(), second.AsSingle(), 0b11_01_11_01).AsInt32()
            : ((first.AsUInt64() >>> 32) | (second.AsUInt64() & Vector128.Create(0xFFFF_FFFF_0000_0000UL))).AsInt32();
        high &= mask.AsInt32();
        maximum = Vector128.Max(maximum.AsInt32(), high).AsDouble();
        minimum = Vector128.Min(minimum.AsInt32(), high).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MaxHighHalf(Vector128<double> value)
    {
        // Halve the vector down to 128 bits, then the last four lanes.
        Vector128<int> quarter = value.AsInt32();
        return Math.Max(Math.Max(quarter.GetElement(0), quarter.GetElement(1)), Math.Max(quarter.GetElement(2), quarter.GetElement(3)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MinHighHalf(Vector128<double> value)
    {
        // Halve the vector down to 128 bits, then the last four lanes.
        Vector128<int> quarter = value.AsInt32();
        return Math.Min(Math.Min(quarter.GetElement(0), quarter.GetElement(1)), Math.Min(quarter.GetElement(2), quarter.GetElement(3)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldMaximum(Vector128<double> values, Vector128<double> mask, ref Vector128<double> maximum) =>
        maximum = Vector128.Max(maximum.AsInt64(), (values & mask).AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldNonZeroMinimum(Vector128<double> values, Vector128<double> mask, ref Vector128<double> minimum) =>
        minimum = Vector128.Min(minimum.AsUInt64(), (values & mask).AsUInt64() - Vector128<ulong>.One).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MaxLane(Vector128<double> maximum)
    {
        long result = long.MinValue;
        for (int i = 0; i < 2; i++)
        {
            result = Math.Max(result, maximum.AsInt64().GetElement(i));
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MinLaneUnsigned(Vector128<double> minimum)
    {
        ulong result = ulong.MaxValue;
        for (int i = 0; i < 2; i++)
        {
            result = Math.Min(result, minimum.AsUInt64().GetElement(i));
        }

        return result;
    }
}

using System.Runtime.CompilerServices;

namespace ParallelSum.Numerics;

/// <summary>One double per "vector": the kernel where no vector width is accelerated. Bit patterns travel in doubles
/// unchanged (moves never alter a NaN's bits on the platforms .NET runs on).</summary>
internal readonly struct ScalarLanes : IDoubleLanes<double>
{
    public static bool IsSupported => true;

    public static int Count => 1;

    public static double Zero => 0.0;

    public static double MagnitudeMask => BitConverter.Int64BitsToDouble(long.MaxValue);

    public static double AllBitsSet => BitConverter.Int64BitsToDouble(-1L);

    /// <summary>The scalar folds keep one 32-bit value in the low half of the pattern.</summary>
    public static double HighHalfSeed => BitConverter.Int64BitsToDouble(int.MaxValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Create(double value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Load(ref double source, nuint offset) => Unsafe.Add(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Add(double left, double right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Subtract(double left, double right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AddOnMultiplier(double left, double right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SubtractOnMultiplier(double left, double right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Multiply(double left, double right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ConvertToInt64(double value) => BitConverter.Int64BitsToDouble((long)value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(double value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AddBits(double sum, double values) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(sum) + BitConverter.DoubleToInt64Bits(values));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SumBits(double sum) => BitConverter.DoubleToInt64Bits(sum);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldHighHalves(double first, double second, double mask, ref double maximum, ref double minimum)
    {
        int a = (int)(BitConverter.DoubleToInt64Bits(first) >> 32) & int.MaxValue;
        int b = (int)(BitConverter.DoubleToInt64Bits(second) >> 32) & int.MaxValue;
        maximum = BitConverter.Int64BitsToDouble(Math.Max(MaxHighHalf(maximum), Math.Max(a, b)));
        minimum = BitConverter.Int64BitsToDouble(Math.Min(MinHighHalf(minimum), Math.Min(a, b)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MaxHighHalf(double maximum) => (int)BitConverter.DoubleToInt64Bits(maximum);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MinHighHalf(double minimum) => (int)BitConverter.DoubleToInt64Bits(minimum);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldMaximum(double values, double mask, ref double maximum) =>
        maximum = BitConverter.Int64BitsToDouble(Math.Max(BitConverter.DoubleToInt64Bits(maximum), BitConverter.DoubleToInt64Bits(values) & BitConverter.DoubleToInt64Bits(mask)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldNonZeroMinimum(double values, double mask, ref double minimum)
    {
        ulong magnitude = BitConverter.DoubleToUInt64Bits(values) & BitConverter.DoubleToUInt64Bits(mask);
        minimum = BitConverter.UInt64BitsToDouble(Math.Min(BitConverter.DoubleToUInt64Bits(minimum), magnitude - 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MaxLane(double maximum) => BitConverter.DoubleToInt64Bits(maximum);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MinLaneUnsigned(double minimum) => BitConverter.DoubleToUInt64Bits(minimum);
}

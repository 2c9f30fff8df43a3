using System.Numerics;

namespace ParallelSum.Tests.Numerics;

/// <summary>
/// The correctly rounded sum written a second time, for tests only and sharing no code with the library: every finite double
/// is an exact multiple of 2^-1074; the signed significands of each exponent are summed in an <see cref="Int128"/>, each
/// exponent's total is shifted into one <see cref="BigInteger"/>, and that is rounded to nearest with ties to even by
/// <see cref="BigInteger"/> arithmetic and <see cref="Math.ScaleB"/>, with IEEE 754's rules for special values and the sign
/// of zero.
/// </summary>
public static class BigIntegerOracle
{
    /// <summary>The correctly rounded double sum of <paramref name="values"/>.</summary>
    public static double Sum(IEnumerable<double> values) => Round(values, BigInteger.Zero, significandBits: 53, lowestPosition: 0, FromDouble);

    /// <summary>The correctly rounded float sum of <paramref name="values"/>: the exact sum rounded once to 24 bits.</summary>
    public static float SumAsFloat(IEnumerable<double> values) => (float)Round(values, BigInteger.Zero, significandBits: 24, lowestPosition: 1074 - 149, FromFloatPrecision);

    /// <summary>The double nearest <paramref name="scaled"/>·2^-1074, ties to even.</summary>
    public static double FromScaled(BigInteger scaled) => Round([], scaled, significandBits: 53, lowestPosition: 0, FromDouble);

    /// <summary><paramref name="value"/>·2^1074, an exact integer for every finite double.</summary>
    public static BigInteger Scaled(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        BigInteger magnitude = exponent == 0 ? mantissa : (mantissa | (1L << 52)) * BigInteger.Pow(2, exponent - 1);
        return bits < 0 ? -magnitude : magnitude;
    }

    private static double FromDouble(BigInteger significand, int position) => Math.ScaleB((double)significand, position - 1074);

    // A float significand (at most 2^24) times a power of two: exact as a double, then exact as a float unless it overflows.
    private static double FromFloatPrecision(BigInteger significand, int position) => (float)Math.ScaleB((double)significand, position - 1074);

    private static double Round(IEnumerable<double> values, BigInteger total, int significandBits, int lowestPosition, Func<BigInteger, int, double> build)
    {
        bool nan = false, positiveInfinity = false, negativeInfinity = false, any = false, allNegativeZero = true;
        // Per exponent field, the sum of the signed significands: 2^74 values of 53 bits fit in an Int128.
        var byExponent = new Int128[2047];
        foreach (double value in values)
        {
            any = true;
            allNegativeZero &= BitConverter.DoubleToInt64Bits(value) == long.MinValue;
            if (double.IsNaN(value))
            {
                nan = true;
            }
            else if (double.IsPositiveInfinity(value))
            {
                positiveInfinity = true;
            }
            else if (double.IsNegativeInfinity(value))
            {
                negativeInfinity = true;
            }
            else
            {
                long bits = BitConverter.DoubleToInt64Bits(value);
                int exponent = (int)((bits >> 52) & 0x7FF);
                long significand = (bits & ((1L << 52) - 1)) | (exponent == 0 ? 0 : 1L << 52);
                byExponent[exponent] += bits < 0 ? -significand : significand;
            }
        }

        for (int exponent = 0; exponent < byExponent.Length; exponent++)
        {
            if (byExponent[exponent] != 0)
            {
                // Exponent field e weighs 2^(max(e, 1) - 1) units of 2^-1074.
                total += (BigInteger)byExponent[exponent] << Math.Max(exponent, 1) - 1;
            }
        }

        if (nan || (positiveInfinity && negativeInfinity))
        {
            return double.NaN;
        }

        if (positiveInfinity || negativeInfinity)
        {
            return positiveInfinity ? double.PositiveInfinity : double.NegativeInfinity;
        }

        if (total.IsZero)
        {
            return any && allNegativeZero ? -0.0 : 0.0;
        }

        BigInteger magnitude = BigInteger.Abs(total);
        int length = (int)magnitude.GetBitLength();
        // The position of the result's last bit: significandBits below the top, never below the format's smallest subnormal.
        int position = Math.Max(length - significandBits, lowestPosition);
        BigInteger kept = magnitude >> position;
        BigInteger rest = magnitude - (kept << position);
        if (position > 0)
        {
            BigInteger half = BigInteger.One << (position - 1);
            if (rest > half || (rest == half && !kept.IsEven))
            {
                kept += 1;
            }
        }

        double result = build(kept, position);
        // A non-zero sum that rounds to zero keeps its sign (only possible when doubles are rounded to float precision).
        return total.Sign < 0 ? -result : result;
    }
}

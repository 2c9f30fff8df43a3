using FsCheck;
using FsCheck.Fluent;

namespace ParallelSum.Tests.Numerics;

/// <summary>FsCheck generators of doubles chosen to break a sum that is not exact: huge cancellations, subnormals, many equal
/// tiny values, mixed signs and magnitudes that span a block's levels, in arrays long enough to cross the kernel's blocks.</summary>
public static class AdversarialDoubles
{
    /// <summary>Values that matter on their own: zeros of both signs, the extremes of every binade class, and simple decimals.</summary>
    public static readonly double[] Landmarks =
    [
        0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue, 2.2250738585072014e-308, -2.2250738585072014e-308,
        2.2250738585072009e-308, 1.0, -1.0, 0.1, -0.1, 1e308, -1e308, 1e-308, 1.0 / 3, 2.0 / 3, Math.ScaleB(1, 1012), Math.ScaleB(-1, 1013),
        Math.ScaleB(1, -990), 9007199254740993.0, 4503599627370497.0,
    ];

    /// <summary>Any finite double: every exponent field from 0 to 2046 equally likely, random mantissa and sign.</summary>
    public static Gen<double> AnyFinite() =>
        from exponent in Gen.Choose(0, 2046)
        from high in Gen.Choose(0, (1 << 20) - 1)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        from negative in Gen.Elements(false, true)
        select FromParts(negative, exponent, ((long)high << 32) | (uint)low);

    /// <summary>Doubles with exponent fields in <c>[low, high]</c>.</summary>
    public static Gen<double> Binades(int low, int high) =>
        from exponent in Gen.Choose(low, high)
        from mantissa in Gen.Choose(0, int.MaxValue)
        from negative in Gen.Elements(false, true)
        select FromParts(negative, exponent, (long)mantissa << 21);

    /// <summary>One value of a mixture: ordinary numbers, huge ones, subnormals, landmarks, any finite double.</summary>
    public static Gen<double> Mixed() =>
        Gen.Frequency(
            (4, Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1024.0)),
            (2, Binades(1000, 1050)),
            (2, Binades(2030, 2046)),
            (2, Binades(0, 0)),
            (1, Binades(1, 60)),
            (2, Gen.Elements(Landmarks)),
            (2, AnyFinite()));

    /// <summary>Arrays of many shapes; lengths up to a few blocks of 2048.</summary>
    public static Gen<double[]> Arrays() =>
        Gen.Frequency(
            (3, Length().SelectMany(n => Gen.ArrayOf(Mixed(), n))),
            (2, Cancelling()),
            (1, EqualTiny()),
            (1, BigAroundSmall()),
            (1, OneBinadeWithOutliers()),
            (1, Length().SelectMany(n => Gen.ArrayOf(AnyFinite(), n))));

    /// <summary>Short arrays often, a few blocks' worth sometimes.</summary>
    public static Gen<int> Length() => Gen.Frequency((6, Gen.Choose(0, 40)), (2, Gen.Choose(41, 600)), (2, Gen.Choose(2000, 7000)));

    /// <summary>Each value with its negation, shuffled, plus a few small extras: the exact sum is the extras alone.</summary>
    public static Gen<double[]> Cancelling() =>
        from n in Gen.Choose(0, 3000)
        from values in Gen.ArrayOf(Mixed(), n)
        from extras in Gen.ArrayOf(Gen.Elements(1.0, -1.0, double.Epsilon, 1e-300, 0.5, -0.0), 3)
        from seed in Gen.Choose(0, int.MaxValue)
        select Shuffle([.. values, .. values.Select(v => -v), .. extras], seed);

    /// <summary>The same tiny value (subnormal or near the bottom of the normal range) many times, sometimes with huge ones.</summary>
    public static Gen<double[]> EqualTiny() =>
        from tiny in Gen.OneOf(Binades(0, 0), Binades(1, 3), Gen.Elements(double.Epsilon, -double.Epsilon))
        from n in Gen.Choose(1, 9000)
        from big in Gen.Elements(Array.Empty<double>(), [1e308, -1e308], [1.0], [double.MaxValue, -double.MaxValue, 1e-300])
        from seed in Gen.Choose(0, int.MaxValue)
        select Shuffle([.. Enumerable.Repeat(tiny, n), .. big], seed);

    /// <summary>The classic: 1e308, 1, −1e308 and variations, where any running double sum loses the small values.</summary>
    public static Gen<double[]> BigAroundSmall() =>
        from big in Binades(1900, 2046)
        from smalls in Gen.ArrayOf(Gen.OneOf(Binades(900, 1100), Binades(0, 0)), 4)
        from copies in Gen.Choose(1, 3000)
        from seed in Gen.Choose(0, int.MaxValue)
        select Shuffle([.. Enumerable.Repeat(big, copies), .. smalls, .. Enumerable.Repeat(-big, copies)], seed);

    /// <summary>Values of one or two binades (the kernel's two-level plan) with rare outliers that force a three-level or
    /// wider plan in their block.</summary>
    public static Gen<double[]> OneBinadeWithOutliers() =>
        from n in Gen.Choose(1, 9000)
        from values in Gen.ArrayOf(Binades(1020, 1022), n)
        from outliers in Gen.ArrayOf(Gen.OneOf(Binades(990, 1000), Binades(940, 960), Binades(0, 10), Gen.Elements(0.0, -0.0)), 3)
        from positions in Gen.ArrayOf(Gen.Choose(0, n - 1), 3)
        select Place(values, outliers, positions);

    /// <summary>A double from its parts.</summary>
    public static double FromParts(bool negative, int exponent, long mantissa) =>
        BitConverter.Int64BitsToDouble((negative ? long.MinValue : 0) | ((long)exponent << 52) | (mantissa & ((1L << 52) - 1)));

    /// <summary>A Fisher–Yates shuffle with a fixed seed.</summary>
    public static double[] Shuffle(double[] values, int seed)
    {
        var random = new Random(seed);
        random.Shuffle(values);
        return values;
    }

    private static double[] Place(double[] values, double[] outliers, int[] positions)
    {
        for (int i = 0; i < outliers.Length; i++)
        {
            values[positions[i]] = outliers[i];
        }

        return values;
    }
}

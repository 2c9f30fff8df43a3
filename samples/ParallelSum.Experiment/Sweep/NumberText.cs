using System.Globalization;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// The one way the program writes a number that is not exact: the sweep's lines, <c>run</c>'s table, the tables, the
/// charts' axes, the report and its own error messages all use it. From 1,000 up, and below 0.001, a power of ten with a
/// lowercase <c>e</c> and no plus sign or leading zero (<c>2.47e9</c>, <c>1e3</c>, <c>5e-4</c>), the form the options take
/// (<c>--counts 1e3,2.5e6</c>); in between, plain decimals (<c>950</c>, <c>0.25</c>). Never <c>2.468E+009</c>, never
/// digit groups (<c>1,000,000</c>). Exact integers (sums, counts that are not a short power of ten) are written in full.
/// Durations and sizes carry a unit instead (<see cref="Duration"/>, <see cref="ByteSize.Format"/>).
/// </summary>
internal static class NumberText
{
    /// <summary>
    /// <paramref name="value"/> with <paramref name="significantDigits"/> significant digits at most, trailing zeros dropped:
    /// <c>2.47e9</c>, <c>1e9</c>, <c>5.19e7</c>, <c>950</c>, <c>0.25</c>, <c>5e-4</c>; <c>0</c> for zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significantDigits"/> is not from 1 to 15.</exception>
    public static string Scientific(double value, int significantDigits = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(significantDigits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(significantDigits, 15);
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "infinity" : "-infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        string sign = value < 0 ? "-" : "";
        double magnitude = Math.Abs(value);

        // The decimal exponent of the value once rounded: 9.996e9 to three digits is 1e10, not 10e9.
        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        double mantissa = Math.Round(magnitude / Math.Pow(10, exponent), significantDigits - 1, MidpointRounding.AwayFromZero);
        if (mantissa >= 10)
        {
            exponent++;
            mantissa = Math.Round(magnitude / Math.Pow(10, exponent), significantDigits - 1, MidpointRounding.AwayFromZero);
        }
        else if (mantissa < 1)
        {
            exponent--;
            mantissa = Math.Round(magnitude / Math.Pow(10, exponent), significantDigits - 1, MidpointRounding.AwayFromZero);
        }

        string digits = "0." + new string('#', significantDigits - 1);
        if (exponent is >= 3 or < -3)
        {
            return sign + mantissa.ToString(digits, CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        // Plain: the same significant digits, no more decimals than they need.
        int decimals = Math.Max(0, significantDigits - 1 - exponent);
        double rounded = Math.Round(magnitude, decimals, MidpointRounding.AwayFromZero);
        return sign + rounded.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Seconds as the program prints a duration: three significant digits in µs or ms below a second (<c>0.5 µs</c>,
    /// <c>39.8 µs</c>, <c>142 ms</c>), two decimals in seconds from one second (<c>10.38 s</c>); <c>-</c> for none.
    /// </summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not double s)
        {
            return "-";
        }

        // The unit of the value once rounded to three digits: 999.96 µs is 1 ms, not 1e3 µs.
        foreach ((double scale, string unit) in new[] { (1e-6, "µs"), (1e-3, "ms") })
        {
            string text = Scientific(s / scale);
            if (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) < 1000)
            {
                return text + " " + unit;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{s:F2} s");
    }

    /// <summary>A wall-clock span for a person: <c>42 s</c>, <c>3 min 05 s</c>, <c>1 h 02 min</c>.</summary>
    public static string Elapsed(TimeSpan span)
    {
        long seconds = Math.Max(0, (long)Math.Round(span.TotalSeconds, MidpointRounding.AwayFromZero));
        return seconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds} s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60:00} s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600} h {seconds % 3600 / 60:00} min"),
        };
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace ParallelSum.Docs.Tests.Results;

/// <summary>
/// Compares a figure as a page writes it with the value its results file holds, at the rounding the page uses: the quoted
/// figure must be the value rounded to the quoted number of digits (half a unit of its last digit either way), so changing
/// any digit a page shows breaks the check.
/// </summary>
internal static partial class Quoted
{
    /// <summary>Asserts that <paramref name="quoted"/> (<c>1.6</c>, <c>2.47e9</c>, <c>4.43e+09</c>, <c>1,022.6</c>) is
    /// <paramref name="actual"/> rounded to the digits it shows.</summary>
    public static void Equal(string quoted, double actual, string what)
    {
        (double value, double halfUnit) = Parse(quoted);
        // A relative slack of 1e-9 absorbs binary rounding of values that sit exactly on a half unit.
        bool equal = Math.Abs(value - actual) <= halfUnit * (1 + 1e-9) + Math.Abs(actual) * 1e-12;
        Assert.True(equal, $"{what}: the page says {quoted}, its results file gives {actual.ToString("R", CultureInfo.InvariantCulture)}");
    }

    /// <summary>Asserts that a duration as a page writes it (<c>39.8 µs</c>, <c>142 ms</c>, <c>10.38 s</c>, <c>1,022.6 µs</c>)
    /// is <paramref name="seconds"/> at the digits it shows.</summary>
    public static void Duration(string quoted, double seconds, string what)
    {
        Match m = DurationText().Match(quoted.Trim());
        Assert.True(m.Success, $"{what}: '{quoted}' is not a duration such as '39.8 µs', '142 ms' or '10.38 s'");
        double scale = m.Groups["unit"].Value switch
        {
            "ns" => 1e-9,
            "µs" or "μs" => 1e-6,
            "ms" => 1e-3,
            _ => 1,
        };
        Equal(m.Groups["number"].Value, seconds / scale, what);
    }

    /// <summary>The number a quoted figure states, and half a unit of its last digit.</summary>
    public static (double Value, double HalfUnit) Parse(string quoted)
    {
        string text = quoted.Trim().Replace(",", "", StringComparison.Ordinal);
        Match m = NumberText().Match(text);
        Assert.True(m.Success, $"'{quoted}' is not a number");
        string mantissa = m.Groups["mantissa"].Value;
        int exponent = m.Groups["exponent"].Success ? int.Parse(m.Groups["exponent"].Value, CultureInfo.InvariantCulture) : 0;
        int decimals = mantissa.Contains('.', StringComparison.Ordinal) ? mantissa.Length - mantissa.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        double value = double.Parse(mantissa, CultureInfo.InvariantCulture) * Math.Pow(10, exponent);
        double halfUnit = 0.5 * Math.Pow(10, exponent - decimals);
        return (value, halfUnit);
    }

    /// <summary>The two numbers of a quoted range (<c>1.46–1.57</c>).</summary>
    public static (string Low, string High) Range(string quoted)
    {
        string[] parts = quoted.Split('–');
        Assert.True(parts.Length == 2, $"'{quoted}' is not a range such as '1.46–1.57'");
        return (parts[0], parts[1]);
    }

    [GeneratedRegex(@"^(?<mantissa>-?\d+(?:\.\d+)?)(?:e\+?(?<exponent>-?\d+))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberText();

    [GeneratedRegex(@"^(?<number>[\d,]+(?:\.\d+)?)\s*(?<unit>ns|µs|μs|ms|s)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationText();
}

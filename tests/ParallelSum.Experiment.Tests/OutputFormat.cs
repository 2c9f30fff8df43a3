using System.Text.RegularExpressions;

namespace ParallelSum.Experiment.Tests;

/// <summary>What a number written in any other format than the program's one (<c>NumberText</c>) looks like.</summary>
internal static partial class OutputFormat
{
    /// <summary>
    /// A number in a foreign format: an uppercase exponent (<c>2.468E+009</c>, <c>1E+3</c>), an exponent with a plus sign or a
    /// leading zero (<c>1e+9</c>, <c>1e09</c>), a mantissa of 10 or more or with trailing zeros (<c>10e9</c>, <c>2.50e9</c>), or
    /// digit groups (<c>1,000,000</c>).
    /// </summary>
    public static Regex ForeignNumber => Foreign();

    // Each alternative starts where a number starts (not inside one, as the "22e3" of "2.22e3").
    [GeneratedRegex(@"(?<![\w.])(\d+(\.\d+)?E[+-]?\d+\b|\d+(\.\d+)?e(\+|-?0)\d*|\d{2,}(\.\d+)?e-?\d|\d\.\d*0e-?\d|\d{1,3}(,\d{3})+\b)")]
    private static partial Regex Foreign();
}

using System.Globalization;
using System.Text.RegularExpressions;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>The one number format: three significant digits, a lowercase e with no plus sign or leading zero from 1e3 up and
/// below 1e-3, plain decimals in between; read back, it is the value to within its rounding.</summary>
public sealed partial class NumberTextTests
{
    [Theory]
    [InlineData(2.468e9, "2.47e9")]
    [InlineData(1e9, "1e9")]
    [InlineData(1e3, "1e3")]
    [InlineData(999.6, "1e3")]
    [InlineData(999.4, "999")]
    [InlineData(9.996e9, "1e10")]
    [InlineData(5.187e7, "5.19e7")]
    [InlineData(2.5e6, "2.5e6")]
    [InlineData(950, "950")]
    [InlineData(0.25, "0.25")]
    [InlineData(1, "1")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0005, "5e-4")]
    [InlineData(1e308, "1e308")]
    [InlineData(-3.5e9, "-3.5e9")]
    [InlineData(0, "0")]
    public void Scientific_WritesThePowerOfTenForm(double value, string expected) => Assert.Equal(expected, NumberText.Scientific(value));

    [Fact]
    public void Scientific_ReadsBackWithinItsRounding_AndKeepsItsForm_OverManyMagnitudes()
    {
        var random = new Random(20261207);
        for (int i = 0; i < 20_000; i++)
        {
            double value = Math.Pow(10, (random.NextDouble() * 40) - 15) * (random.Next(2) == 0 ? 1 : -1);
            foreach (int digits in new[] { 1, 3, 6 })
            {
                string text = NumberText.Scientific(value, digits);
                Assert.Matches(OneFormat(), text);
                double back = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(back - value) <= Math.Abs(value) * 0.5 * Math.Pow(10, 1 - digits) * 1.000001, $"{value:R} written as {text} with {digits} digits");
            }
        }
    }

    [Theory]
    [InlineData(5e-7, "0.5 µs")]
    [InlineData(3.98e-5, "39.8 µs")]
    [InlineData(0.0009996, "1 ms")]
    [InlineData(0.142, "142 ms")]
    [InlineData(0.9996, "1.00 s")]
    [InlineData(10.384, "10.38 s")]
    [InlineData(null, "-")]
    public void Duration_PicksTheUnitOfTheRoundedValue(double? seconds, string expected) => Assert.Equal(expected, NumberText.Duration(seconds));

    [Theory]
    [InlineData(42, "42 s")]
    [InlineData(86, "1 min 26 s")]
    [InlineData(3725, "1 h 02 min")]
    public void Elapsed_ReadsAsAPersonWouldSayIt(int seconds, string expected) => Assert.Equal(expected, NumberText.Elapsed(TimeSpan.FromSeconds(seconds)));

    /// <summary>The only shapes a number may take: plain decimals, or a mantissa of 1 to 9.99… and a lowercase e.</summary>
    [GeneratedRegex(@"^-?(\d+(\.\d+)?|[1-9](\.\d*[1-9])?e-?[1-9]\d*)$")]
    private static partial Regex OneFormat();
}

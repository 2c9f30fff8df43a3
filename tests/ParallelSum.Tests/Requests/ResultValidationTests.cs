namespace ParallelSum.Tests.Requests;

/// <summary>A result refuses what no correct strategy could report, naming the argument; its rate and text follow its parts.</summary>
public class ResultValidationTests
{
    private static readonly GenerateAndSumRequest Request = new(10, 42, 0, 10);

    [Fact]
    public void Constructor_Refusals_NameTheArgument()
    {
        Assert.Equal("strategy", Assert.Throws<ArgumentNullException>(() => Result(strategy: null!)).ParamName);
        Assert.Equal("strategy", Assert.Throws<ArgumentException>(() => Result(strategy: "")).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => new GenerateAndSumResult("s", null!, 0, TimeSpan.Zero, 1, 1, null)).ParamName);
        Assert.Equal("elapsed", Assert.Throws<ArgumentOutOfRangeException>(() => Result(elapsed: TimeSpan.FromTicks(-1))).ParamName);
        Assert.Equal("workerCount", Assert.Throws<ArgumentOutOfRangeException>(() => Result(workerCount: -1)).ParamName);
        Assert.Equal("rangeCount", Assert.Throws<ArgumentOutOfRangeException>(() => Result(rangeCount: -1)).ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Constructor_SumOutsideWhatTheRequestAllows_Refused(int sum)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => Result(sum: sum));

        Assert.Equal("sum", refused.ParamName);
        Assert.StartsWith("sum must lie in [0, 100] for request (count 10, seed 42, [0, 10]).", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AtTheLimits_Accepted()
    {
        GenerateAndSumResult result = Result(sum: 100, elapsed: TimeSpan.Zero, workerCount: 0, rangeCount: 0);

        Assert.Equal(100, result.Sum);
        Assert.Equal(0, result.ValuesPerSecond);
        Assert.Equal(Request, result.Request);
    }

    [Fact]
    public void ValuesPerSecond_IsCountOverSeconds() => Assert.Equal(4, Result(elapsed: TimeSpan.FromSeconds(2.5)).ValuesPerSecond);

    [Theory]
    [InlineData("static-blocks(2)", "auto: sum 50 of count 10, seed 42, [0, 10] in 1.500 s (2 workers, 3 ranges, static-blocks(2))")]
    [InlineData(null, "auto: sum 50 of count 10, seed 42, [0, 10] in 1.500 s (2 workers, 3 ranges)")]
    public void ToString_NamesEveryPart(string? partitioner, string expected)
    {
        using var culture = new InvariantCultureScope();

        Assert.Equal(expected, new GenerateAndSumResult("auto", Request, 50, TimeSpan.FromSeconds(1.5), 2, 3, partitioner).ToString());
    }

    private static GenerateAndSumResult Result(string strategy = "s", int sum = 50, TimeSpan? elapsed = null, int workerCount = 1, long rangeCount = 1) =>
        new(strategy, Request, sum, elapsed ?? TimeSpan.FromSeconds(1), workerCount, rangeCount, null);

    private sealed class InvariantCultureScope : IDisposable
    {
        private readonly System.Globalization.CultureInfo previous = System.Globalization.CultureInfo.CurrentCulture;

        public InvariantCultureScope() => System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;

        public void Dispose() => System.Globalization.CultureInfo.CurrentCulture = previous;
    }
}

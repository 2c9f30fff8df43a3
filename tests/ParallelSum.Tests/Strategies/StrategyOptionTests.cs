namespace ParallelSum.Tests.Strategies;

public class StrategyOptionTests
{
    [Fact]
    public void Request_NegativeCount_ThrowsNamingCountAndRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("count", () => new GenerateAndSumRequest(-1, 0));
        Assert.Contains("0 or more", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_MinAboveMax_ThrowsNamingMax()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("max", () => new GenerateAndSumRequest(10, 0, 5, 4));
        Assert.Contains("greater than or equal to min", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1L, 10L)]
    [InlineData(long.MaxValue, 1L)]
    public void Request_BadStartIndex_ThrowsNamingStartIndex(long startIndex, long count)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("startIndex", () => new GenerateAndSumRequest(count, 0, startIndex: startIndex));
        Assert.Contains("at most 9223372036854775807", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_Defaults_AreTheOriginalExperimentsRange()
    {
        var request = new GenerateAndSumRequest(5, 42);
        Assert.Equal((0, 10), (request.Min, request.Max));
    }

    [Fact]
    public void Request_LargestPossibleTotals_FitTheSumType()
    {
        // 4e10 values at int.MinValue total about -8.6e19: beyond long, within Int128.
        var request = new GenerateAndSumRequest(40_000_000_000, 0, int.MinValue, int.MinValue);
        Assert.True(request.MinimumSum < long.MinValue);
        Assert.Equal((Int128)40_000_000_000 * int.MinValue, request.MinimumSum);
        Assert.Equal((Int128)long.MaxValue * int.MaxValue, new GenerateAndSumRequest(long.MaxValue, 0, 0, int.MaxValue).MaximumSum);
    }

    [Fact]
    public async Task NaiveList_CountAboveListCapacity_IsRefusedBeforeWork()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("request", () => { _ = new NaiveListStrategy().GenerateAndSumAsync(new GenerateAndSumRequest(NaiveListStrategy.MaxCount + 1, 0)); });
        Assert.Contains("List<int>", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await new NaiveListStrategy().GenerateAndSumAsync(new GenerateAndSumRequest(0, 0))).Sum);
    }

    [Fact]
    public void ParallelFor_BlocksLongerThanAnArray_AreRefusedBeforeWork()
    {
        var strategy = new ParallelForStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = 2 });
        var e = Assert.Throws<ArgumentOutOfRangeException>("request", () => { _ = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(10_000_000_000, 0)); });
        Assert.Contains("each of its 2 blocks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_CreatesEveryNamedStrategy_AndRefusesUnknownNames()
    {
        Assert.All(GenerateAndSumStrategies.Names, name => Assert.Equal(name, GenerateAndSumStrategies.Create(name).Name));
        var e = Assert.Throws<ArgumentException>("name", () => GenerateAndSumStrategies.Create("bogus"));
        Assert.Contains("naive-list, parallel-for, simd-chunks, streaming, auto", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_ReportsWorkersRangesAndPartitioner()
    {
        var strategy = new StreamingStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = 4 });
        GenerateAndSumResult result = await strategy.GenerateAndSumAsync(new GenerateAndSumRequest(10, 0));
        Assert.InRange(result.WorkerCount, 1, 4);
        Assert.Equal(4, result.RangeCount);
        Assert.Equal("static-blocks", result.Partitioner);
        Assert.Equal(48, result.Sum);
    }

    [Fact]
    public void Auto_ThresholdBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("parallelThreshold", () => new AutoStrategy(0));
    }

    [Fact]
    public async Task Auto_SmallCountsRunInline_LargeCountsOnEveryProcessor()
    {
        var auto = new AutoStrategy();
        GenerateAndSumResult small = await auto.GenerateAndSumAsync(new GenerateAndSumRequest(1000, 42));
        Assert.Equal((1, (string?)null, 4894), (small.WorkerCount, small.Partitioner, (int)small.Sum));
        GenerateAndSumResult large = await auto.GenerateAndSumAsync(new GenerateAndSumRequest(AutoStrategy.DefaultParallelThreshold, 42));
        Assert.InRange(large.WorkerCount, 1, Environment.ProcessorCount);
        Assert.Equal("static-blocks", large.Partitioner);
        Assert.Equal("auto", large.Strategy);
    }

    [Fact]
    public void Result_SumOutsidePossibleInterval_IsRefused()
    {
        var request = new GenerateAndSumRequest(10, 0);
        Assert.Throws<ArgumentOutOfRangeException>("sum", () => new GenerateAndSumResult("x", request, 101, TimeSpan.Zero, 1, 1, null));
    }
}

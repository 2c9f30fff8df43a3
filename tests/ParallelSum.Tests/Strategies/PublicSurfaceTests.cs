namespace ParallelSum.Tests.Strategies;

/// <summary>One obvious way: the facade, options checked in one place, nothing silently ignored, no contradicting defaults.</summary>
public class PublicSurfaceTests
{
    [Fact]
    public async Task OneCall_Sums_InEachForm()
    {
        Assert.Equal(4894, RandomStreamSum.Sum(1000, 42));
        Assert.Equal(new RandomStream(7, -3, 3).ReferenceSum(11, 50_000), RandomStreamSum.Sum(50_000, 7, -3, 3, startIndex: 11));
        Assert.Equal("auto", RandomStreamSum.Run(new GenerateAndSumRequest(10, 0)).Strategy);
        Assert.Equal(5002298, (await RandomStreamSum.RunAsync(new GenerateAndSumRequest(1_000_000, 42))).Sum);
    }

    /// <summary>Past <see cref="AutoStrategy"/>'s threshold, on the engine: the specification's known answer.</summary>
    [Fact]
    public void Facade_HundredMillionValues_IsTheKnownAnswer() => Assert.Equal(499999629, RandomStreamSum.Sum(100_000_000, 42));

    [Fact]
    public void TakesPartitioner_NamesExactlyTheStrategiesThatRunOnTheEngine()
    {
        Assert.Equal([SimdChunksStrategy.StrategyName, StreamingStrategy.StrategyName], GenerateAndSumStrategies.Names.Where(GenerateAndSumStrategies.TakesPartitioner));
        var options = new ParallelRunOptions { Partitioner = IndexRangePartitioners.DynamicChunks(100) };
        Assert.All(GenerateAndSumStrategies.Names.Where(GenerateAndSumStrategies.TakesPartitioner), name =>
            Assert.Equal(name, GenerateAndSumStrategies.Create(name, options).Name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public void MaxDegreeOfParallelism_OutOfRange_IsRefusedByEveryOptionsUser(int workers)
    {
        var options = new ParallelRunOptions { MaxDegreeOfParallelism = workers };
        Assert.Throws<ArgumentException>("options", () => new StreamingStrategy(options));
        Assert.Throws<ArgumentException>("options", () => new ParallelForStrategy(options));
        Assert.Throws<ArgumentException>("options", () => new SimdChunksStrategy(options));
        Assert.Throws<ArgumentException>("options", () => ParallelReduction.Reduce(1, 1, 0, _ => 0, (a, b) => a + b, options));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void MaxDegreeOfParallelism_LimitsTheWorkers_AndIsThePartitionCount(int workers)
    {
        var strategy = new StreamingStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = workers });
        GenerateAndSumResult result = strategy.GenerateAndSum(new GenerateAndSumRequest(1_000_000, 1));
        Assert.InRange(result.WorkerCount, 1, workers);
        Assert.Equal(workers, result.RangeCount);
        Assert.Equal(new RandomStream(1).ReferenceSum(0, 1_000_000), result.Sum);
    }

    [Fact]
    public void DefaultRandomStream_IsTheDefaultRange_AsTheConstructorsDefault()
    {
        RandomStream none = default;
        Assert.Equal((0UL, 0, 10), (none.Seed, none.Min, none.Max));
        Assert.Equal(new RandomStream(0), none);
        Assert.Equal(new RandomStream(), none);
        Assert.Equal(new RandomStream(0).ValueAt(123), none.ValueAt(123));
        Assert.Equal(new RandomStream(0).ReferenceSum(0, 1000), none.ReferenceSum(0, 1000));
        int[] values = new int[100], expected = new int[100];
        none.Fill(5, values);
        new RandomStream(0).Fill(5, expected);
        Assert.Equal(expected, values);
    }

    [Theory]
    [InlineData(int.MinValue, int.MaxValue)]
    [InlineData(int.MinValue, int.MinValue)]
    [InlineData(int.MaxValue, int.MaxValue)]
    [InlineData(0, 0)]
    [InlineData(-5, 5)]
    public void EveryRange_RoundTripsThroughTheDefaultRelativeFields(int min, int max)
    {
        var stream = new RandomStream(3, min, max);
        Assert.Equal((min, max), (stream.Min, stream.Max));
        Assert.Equal((ulong)((long)max - min) + 1, stream.RangeSize);
        Assert.Equal((0UL - stream.RangeSize) % stream.RangeSize, stream.Threshold);
    }
}

namespace ParallelSum.Tests.Strategies;

/// <summary>One obvious way: the facade, options checked in one place, nothing silently ignored, no contradicting defaults.</summary>
public class PublicSurfaceTests
{
    [Fact]
    public async Task Facade_SumsWithOneCall_InEachForm()
    {
        Assert.Equal(4894, RandomStreamSum.Sum(1000, 42));
        Assert.Equal(499999629, RandomStreamSum.Sum(100_000_000, 42));
        Assert.Equal(new RandomStream(7, -3, 3).ReferenceSum(11, 50_000), RandomStreamSum.Sum(50_000, 7, -3, 3, startIndex: 11));
        Assert.Equal("auto", RandomStreamSum.Run(new GenerateAndSumRequest(10, 0)).Strategy);
        Assert.Equal(5002298, (await RandomStreamSum.RunAsync(new GenerateAndSumRequest(1_000_000, 42))).Sum);
    }

    [Theory]
    [InlineData(NaiveListStrategy.StrategyName)]
    [InlineData(AutoStrategy.StrategyName)]
    [InlineData("AUTO")]
    public void Create_WithAPartitionerAStrategyWouldIgnore_Throws(string name)
    {
        var e = Assert.Throws<ArgumentException>("partitioner", () => GenerateAndSumStrategies.Create(name, IndexRangePartitioners.StaticBlocks(3)));
        Assert.Contains("does not take a partitioner ('static-blocks(3)' given)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TakesPartitioner_NamesExactlyThePartitionedStrategies()
    {
        Assert.Equal(
            [ParallelForStrategy.StrategyName, SimdChunksStrategy.StrategyName, StreamingStrategy.StrategyName],
            GenerateAndSumStrategies.Names.Where(GenerateAndSumStrategies.TakesPartitioner));
        Assert.All(GenerateAndSumStrategies.Names.Where(GenerateAndSumStrategies.TakesPartitioner), name =>
            Assert.Equal(name, GenerateAndSumStrategies.Create(name, IndexRangePartitioners.StaticBlocks(2)).Name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public void MaxDegreeOfParallelism_OutOfRange_IsRefusedByEveryOptionsUser(int workers)
    {
        Assert.Throws<ArgumentOutOfRangeException>("options", () => new StreamingStrategy(new PartitionedStrategyOptions { MaxDegreeOfParallelism = workers }));
        Assert.Throws<ArgumentOutOfRangeException>("options", () => new ParallelForStrategy(new PartitionedStrategyOptions { MaxDegreeOfParallelism = workers }));
        Assert.Throws<ArgumentOutOfRangeException>("options", () => new SimdChunksStrategy(new SimdChunksStrategyOptions { MaxDegreeOfParallelism = workers }));
        Assert.Throws<ArgumentOutOfRangeException>("options", () => ParallelReduction.Reduce(1, 0, _ => 0, (a, b) => a + b, new ParallelReductionOptions { MaxDegreeOfParallelism = workers }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void MaxDegreeOfParallelism_LimitsTheWorkers(int workers)
    {
        var strategy = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = IndexRangePartitioners.StaticBlocks(64), MaxDegreeOfParallelism = workers });
        GenerateAndSumResult result = strategy.GenerateAndSum(new GenerateAndSumRequest(1_000_000, 1));
        Assert.Equal(workers, result.WorkerCount);
        Assert.Equal(new RandomStream(1).ReferenceSum(0, 1_000_000), result.Sum);
    }

    [Fact]
    public void DefaultRandomStream_IsTheStreamOverZeroToZero_AsDocumented()
    {
        RandomStream none = default;
        Assert.Equal((0UL, 0, 0), (none.Seed, none.Min, none.Max));
        Assert.Equal(new RandomStream(0, 0, 0), none);
        Assert.Equal(0, none.ValueAt(123));
        Assert.Equal(0, none.ReferenceSum(0, 1000));
        var values = new int[100];
        values.AsSpan().Fill(7);
        none.Fill(5, values);
        Assert.All(values, v => Assert.Equal(0, v));
    }
}

using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Strategies;

/// <summary>
/// Every strategy at the top of the index space: requests whose last index is <see cref="long.MaxValue"/> - 1, so any index
/// loop that steps past its end would wrap. Each case has a deadline: a wrapped loop runs for centuries, which fails the test.
/// </summary>
public class TopOfIndexSpaceTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static TheoryData<string, long> StrategiesAndCounts()
    {
        var data = new TheoryData<string, long>();
        foreach (string name in GenerateAndSumStrategies.Names.Append("auto-parallel-path"))
        {
            foreach (long count in new long[] { 1, 2, 10, 1000, 16_385, 100_000, 1_000_000 })
            {
                data.Add(name, count);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StrategiesAndCounts))]
    public async Task Request_EndingAtLongMaxValue_EqualsSequentialDefinition(string strategyName, long count)
    {
        var request = new GenerateAndSumRequest(count, 42, 0, 10, long.MaxValue - count);
        IGenerateAndSum strategy = strategyName == "auto-parallel-path" ? new AutoStrategy(parallelThreshold: 1) : GenerateAndSumStrategies.Create(strategyName);

        GenerateAndSumResult result = await Task.Run(() => strategy.GenerateAndSumAsync(request)).WaitAsync(Deadline);

        Assert.Equal(request.Stream.ReferenceSum(request.StartIndex, count), result.Sum);
        Assert.Equal(SpecReference.Sum(42, request.StartIndex, Math.Min(count, 1000), 0, 10), request.Stream.ReferenceSum(request.StartIndex, Math.Min(count, 1000)));
    }

    [Theory]
    [InlineData(10L, 30L)]
    public async Task TheReportedRequest_SumsToTheDefinition(long count, long expected)
    {
        var request = new GenerateAndSumRequest(count, 42, 0, 10, long.MaxValue - count);
        Assert.Equal(expected, request.Stream.ReferenceSum(request.StartIndex, count));
        foreach (string name in GenerateAndSumStrategies.Names)
        {
            GenerateAndSumResult result = await Task.Run(() => GenerateAndSumStrategies.Create(name).GenerateAndSumAsync(request)).WaitAsync(Deadline);
            Assert.Equal(expected, result.Sum);
        }
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(7L)]
    [InlineData(100_000L)]
    public async Task EveryPartitioner_AtTheTop_EqualsValueByValueDefinition(long count)
    {
        var request = new GenerateAndSumRequest(count, 7, -5, 5, long.MaxValue - count);
        Int128 byValue = 0;
        for (long i = request.StartIndex; i < long.MaxValue; i++)
        {
            byValue += request.Stream.ValueAt(i);
        }

        ParallelRunOptions[] schedulings =
        [
            new() { MaxDegreeOfParallelism = 3 },
            new() { Partitioner = IndexRangePartitioners.DynamicChunks(4096), MaxDegreeOfParallelism = 3 },
            new() { Partitioner = IndexRangePartitioners.DynamicChunks(long.MaxValue), MaxDegreeOfParallelism = 2 },
        ];
        foreach (ParallelRunOptions options in schedulings)
        {
            foreach (string name in new[] { SimdChunksStrategy.StrategyName, StreamingStrategy.StrategyName })
            {
                GenerateAndSumResult result = await Task.Run(() => GenerateAndSumStrategies.Create(name, options).GenerateAndSumAsync(request)).WaitAsync(Deadline);
                Assert.Equal(byValue, result.Sum);
            }
        }

        Assert.Equal(byValue, (await new ParallelForStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = 3 }).GenerateAndSumAsync(request).WaitAsync(Deadline)).Sum);
    }
}

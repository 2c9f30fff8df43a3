namespace ParallelSum.Tests.Partitioning;

/// <summary>
/// The custom partitioner shown in the README, verbatim: blocks of a fixed size dealt to workers in turn
/// (OpenMP's <c>schedule(static, chunk)</c>). It implements only the interface's two members, which proves the engine needs
/// nothing more; the tests below run the partitioner laws and every strategy on it.
/// </summary>
public sealed class RoundRobinBlocksPartitioner(long blockSize, int workers) : IIndexRangePartitioner
{
    public string Name => $"round-robin({blockSize}, {workers})";

    public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count) =>
        Enumerable.Range(0, workers).Select(w => BlocksOf(w, count)).ToArray();

    private IEnumerable<IndexRange> BlocksOf(int worker, long count)
    {
        for (long start = worker * blockSize; start < count; start += workers * blockSize)
        {
            yield return new IndexRange(start, Math.Min(start + blockSize, count));
        }
    }
}

public class RoundRobinBlocksPartitionerTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(99_991L)]
    [InlineData(1_000_000L)]
    public void CoversExactlyOnce(long count) => PartitionerLaws.CoversExactlyOnce(new RoundRobinBlocksPartitioner(4096, 3), count);

    [Fact]
    public async Task EveryPartitionedStrategy_AgreesWithTheDefinition()
    {
        var request = new GenerateAndSumRequest(1_000_003, 42);
        foreach (string name in GenerateAndSumStrategies.Names.Where(GenerateAndSumStrategies.TakesPartitioner))
        {
            GenerateAndSumResult result = await GenerateAndSumStrategies.Create(name, new RoundRobinBlocksPartitioner(65_536, 3)).GenerateAndSumAsync(request);
            Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
        }
    }
}

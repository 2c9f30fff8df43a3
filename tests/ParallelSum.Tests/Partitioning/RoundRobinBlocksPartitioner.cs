namespace ParallelSum.Tests.Partitioning;

/// <summary>
/// A custom partitioner as docs/extending.md shows it: blocks of a fixed size dealt to the partitions in turn (OpenMP's
/// <c>schedule(static, chunk)</c>). It overrides only the one abstract member, which proves the engine needs nothing more;
/// the tests below run the partitioner laws and every strategy on it.
/// </summary>
public sealed class RoundRobinBlocksPartitioner(long blockSize) : IndexRangePartitioner
{
    public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount) =>
        Enumerable.Range(0, partitionCount).Select(p => BlocksOf(p, partitionCount, count)).ToArray();

    private IEnumerable<IndexRange> BlocksOf(int partition, int partitionCount, long count)
    {
        // Block b starts at b * blockSize; partition p takes blocks p, p + partitionCount, ... (in 128 bits: no wrap near long.MaxValue).
        for (Int128 start = (Int128)partition * blockSize; start < count; start += (Int128)partitionCount * blockSize)
        {
            yield return new IndexRange((long)start, (long)Int128.Min(start + blockSize, count));
        }
    }
}

public class RoundRobinBlocksPartitionerTests
{
    [Theory]
    [InlineData(0L, 1)]
    [InlineData(1L, 3)]
    [InlineData(99_991L, 3)]
    [InlineData(1_000_000L, 7)]
    public void CoversExactlyOnce(long count, int partitions) => PartitionerLaws.CoversExactlyOnce(new RoundRobinBlocksPartitioner(4096), count, partitions);

    [Fact]
    public void Name_IsItsTypeName_WhenNotOverridden() => Assert.Equal(nameof(RoundRobinBlocksPartitioner), new RoundRobinBlocksPartitioner(1).Name);

    [Fact]
    public async Task EveryStrategyTakingAPartitioner_AgreesWithTheDefinition()
    {
        var request = new GenerateAndSumRequest(1_000_003, 42);
        foreach (string name in GenerateAndSumStrategies.Names.Where(GenerateAndSumStrategies.TakesPartitioner))
        {
            var options = new ParallelRunOptions { Partitioner = new RoundRobinBlocksPartitioner(65_536), MaxDegreeOfParallelism = 3 };
            GenerateAndSumResult result = await GenerateAndSumStrategies.Create(name, options).GenerateAndSumAsync(request);
            Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
            Assert.Equal(nameof(RoundRobinBlocksPartitioner), result.Partitioner);
        }
    }
}

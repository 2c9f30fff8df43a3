namespace ParallelSum.Tests.Partitioning;

/// <summary>The factories refuse what cannot partition, naming the argument and what is accepted; the exception type keeps what it is given.</summary>
public class PartitionerFactoryTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void StaticBlocks_BelowOne_Refused(int blockCount)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => IndexRangePartitioners.StaticBlocks(blockCount));

        Assert.Equal("blockCount", refused.ParamName);
        Assert.Equal(blockCount, refused.ActualValue);
        Assert.StartsWith("blockCount must be 1 or more (up to 2147483647).", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, "chunkSize", "chunkSize must be 1 or more (up to 9223372036854775807).")]
    [InlineData(-5, 1, "chunkSize", "chunkSize must be 1 or more (up to 9223372036854775807).")]
    [InlineData(1, 0, "workerCount", "workerCount must be 1 or more (up to 2147483647).")]
    [InlineData(1, -3, "workerCount", "workerCount must be 1 or more (up to 2147483647).")]
    public void DynamicChunks_BelowOne_Refused(long chunkSize, int workerCount, string parameter, string message)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => IndexRangePartitioners.DynamicChunks(chunkSize, workerCount));

        Assert.Equal(parameter, refused.ParamName);
        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SmallestAccepted_Partition()
    {
        Assert.Equal("static-blocks(1)", IndexRangePartitioners.StaticBlocks(1).Name);
        Assert.Equal("dynamic-chunks(1, 1)", IndexRangePartitioners.DynamicChunks(1, 1).Name);
        Assert.Equal($"static-blocks({Environment.ProcessorCount})", IndexRangePartitioners.Default().Name);
    }

    [Fact]
    public void InvalidPartitioningException_Constructors_KeepWhatTheyAreGiven()
    {
        var inner = new InvalidOperationException("inner");

        Assert.Equal("The partitioner broke its contract.", new InvalidPartitioningException().Message);
        Assert.Null(new InvalidPartitioningException().PartitionerName);
        Assert.Equal("m", new InvalidPartitioningException("m").Message);
        Assert.Same(inner, new InvalidPartitioningException("m", inner).InnerException);

        var named = new InvalidPartitioningException("mine", "gave a range twice", inner);
        Assert.Equal("Partitioner 'mine': gave a range twice", named.Message);
        Assert.Equal("mine", named.PartitionerName);
        Assert.Same(inner, named.InnerException);
    }
}

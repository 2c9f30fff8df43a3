using System.Collections.Concurrent;

namespace ParallelSum.Tests.Partitioning;

/// <summary>The factories refuse what cannot partition, naming the argument; the exception type keeps what it is given.</summary>
public class PartitionerFactoryTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(long.MinValue)]
    public void DynamicChunks_BelowOne_Refused(long chunkSize)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => IndexRangePartitioners.DynamicChunks(chunkSize));

        Assert.Equal("chunkSize", refused.ParamName);
        Assert.Equal(chunkSize, refused.ActualValue);
    }

    [Fact]
    public void FromRanges_Null_Refused() =>
        Assert.Throws<ArgumentNullException>("ranges", () => IndexRangePartitioners.FromRanges(null!));

    [Fact]
    public void Names_SayWhat()
    {
        Assert.Equal("static-blocks", IndexRangePartitioners.StaticBlocks().Name);
        Assert.Equal("dynamic-chunks(1)", IndexRangePartitioners.DynamicChunks(1).Name);
        Assert.Equal("dynamic-chunks(9223372036854775807)", IndexRangePartitioners.DynamicChunks(long.MaxValue).Name);
        Assert.StartsWith("ranges(", IndexRangePartitioners.FromRanges(Partitioner.Create(0L, 10L)).Name, StringComparison.Ordinal);
    }

    [Fact]
    public void StaticBlocks_IsOneSharedInstance_AndTheDefault()
    {
        Assert.Same(IndexRangePartitioners.StaticBlocks(), IndexRangePartitioners.StaticBlocks());
        Assert.Null(ParallelRunOptions.Default.Partitioner);
        Assert.Same(IndexRangePartitioners.StaticBlocks(), ParallelRunOptions.Default.EffectivePartitioner);
    }

    [Fact]
    public void ABclPartitioner_ConvertsImplicitly()
    {
        IndexRangePartitioner converted = Partitioner.Create(0L, 100L, 7L);

        PartitionerLaws.CoversExactlyOnce(converted, 100, 3);
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

namespace ParallelSum;

/// <summary>Options shared by the strategies that split the work with an <see cref="IIndexRangePartitioner"/>.</summary>
public class PartitionedStrategyOptions
{
    /// <summary>Gets how <c>[0, count)</c> is split into sequences of ranges, which up to one worker per processor take in turn.</summary>
    /// <value>Defaults to <see cref="IndexRangePartitioners.Default()"/>: one static block per processor.</value>
    public IIndexRangePartitioner Partitioner { get; init; } = IndexRangePartitioners.Default();
}

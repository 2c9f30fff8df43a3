namespace ParallelSum;

/// <summary>A partitioner that knows, before it runs, the longest range it will yield; lets strategies refuse early.</summary>
internal interface IBoundedRangePartitioner
{
    /// <summary>The length of the longest range <see cref="IIndexRangePartitioner.Partition(long)"/> yields for <paramref name="count"/>.</summary>
    long MaxRangeLength(long count);
}

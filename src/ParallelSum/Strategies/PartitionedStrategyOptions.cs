namespace ParallelSum;

/// <summary>Options shared by the strategies that split the work with an <see cref="IIndexRangePartitioner"/>.</summary>
/// <remarks>Validated once, when a strategy is created from them; immutable after that.</remarks>
public class PartitionedStrategyOptions
{
    /// <summary>Gets how <c>[0, count)</c> is split into sequences of ranges, which the workers take in turn.</summary>
    /// <value>Defaults to <see cref="IndexRangePartitioners.Default()"/>: one static block per processor. Must not be <see langword="null"/>.</value>
    public IIndexRangePartitioner Partitioner { get; init; } = IndexRangePartitioners.Default();

    /// <summary>Gets how many workers may run at once, the calling thread included, as in <see cref="ParallelOptions.MaxDegreeOfParallelism"/>.</summary>
    /// <value>Defaults to -1: one worker per sequence the partitioner returns, as many as it asks for up to 64 (or one per processor,
    /// if there are more processors), so that a partitioner returning millions of sequences does not queue millions of work items.
    /// Otherwise from 1 to <see cref="int.MaxValue"/>. Fewer workers run when the partitioner returns fewer sequences.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Gets the worker limit in force: <see cref="MaxDegreeOfParallelism"/>, or for -1 the larger of 64 and the processor count.</summary>
    internal int EffectiveMaxDegreeOfParallelism => MaxDegreeOfParallelism == -1 ? Math.Max(64, Environment.ProcessorCount) : MaxDegreeOfParallelism;

    /// <summary>Throws if an option is out of range; the one place options are checked.</summary>
    /// <param name="parameterName">The name of the constructor parameter the options were passed as.</param>
    /// <exception cref="ArgumentException"><see cref="Partitioner"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its documented range.</exception>
    internal virtual void Validate(string parameterName)
    {
        if (Partitioner is null)
        {
            throw new ArgumentException($"{parameterName}.Partitioner must not be null; use IndexRangePartitioners.Default() for one block per processor.", parameterName);
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(parameterName, MaxDegreeOfParallelism, $"{parameterName}.MaxDegreeOfParallelism must be -1 (one worker per processor) or from 1 to {int.MaxValue}.");
        }
    }
}

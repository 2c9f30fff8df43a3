namespace ParallelSum;

/// <summary>The built-in strategies by their stable names, as the samples and benchmarks select them.</summary>
public static class GenerateAndSumStrategies
{
    /// <summary>Gets the names of the built-in strategies, in the order of the original experiment's progression, <c>auto</c> last.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [NaiveListStrategy.StrategyName, ParallelForStrategy.StrategyName, SimdChunksStrategy.StrategyName, StreamingStrategy.StrategyName, AutoStrategy.StrategyName];

    /// <summary>Gets whether the named built-in strategy takes a partitioner: <c>parallel-for</c>, <c>simd-chunks</c> and <c>streaming</c> do.</summary>
    /// <param name="name">A strategy name, compared without regard to case.</param>
    /// <returns><see langword="true"/> for the partitioned strategies; <see langword="false"/> for any other name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static bool TakesPartitioner(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() is ParallelForStrategy.StrategyName or SimdChunksStrategy.StrategyName or StreamingStrategy.StrategyName;
    }

    /// <summary>Creates a built-in strategy by name.</summary>
    /// <param name="name">One of <see cref="Names"/>, compared without regard to case.</param>
    /// <param name="partitioner">The partitioner for the partitioned strategies (<c>parallel-for</c>, <c>simd-chunks</c>,
    /// <c>streaming</c>); <see langword="null"/> for the default. Must be <see langword="null"/> for <c>naive-list</c>, which does
    /// not partition, and <c>auto</c>, which chooses its own.</param>
    /// <returns>A new strategy instance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>, or a partitioner was given
    /// for a strategy that would not use it.</exception>
    public static IGenerateAndSum Create(string name, IIndexRangePartitioner? partitioner = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.ToLowerInvariant();
        if (partitioner is not null && !TakesPartitioner(key))
        {
            throw new ArgumentException($"Strategy '{key}' does not take a partitioner ('{partitioner.Name}' given); pass null, or use one of: {ParallelForStrategy.StrategyName}, {SimdChunksStrategy.StrategyName}, {StreamingStrategy.StrategyName}.", nameof(partitioner));
        }

        var options = new PartitionedStrategyOptions { Partitioner = partitioner ?? IndexRangePartitioners.Default() };
        return key switch
        {
            NaiveListStrategy.StrategyName => new NaiveListStrategy(),
            ParallelForStrategy.StrategyName => new ParallelForStrategy(options),
            SimdChunksStrategy.StrategyName => new SimdChunksStrategy(new SimdChunksStrategyOptions { Partitioner = options.Partitioner }),
            StreamingStrategy.StrategyName => new StreamingStrategy(options),
            AutoStrategy.StrategyName => new AutoStrategy(),
            _ => throw new ArgumentException($"Unknown strategy '{name}'; expected one of: {string.Join(", ", Names)}.", nameof(name)),
        };
    }
}

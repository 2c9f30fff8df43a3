namespace ParallelSum;

/// <summary>The built-in strategies by their stable names, as the samples and benchmarks select them.</summary>
public static class GenerateAndSumStrategies
{
    /// <summary>Gets the names of the built-in strategies, in the order of the original experiment's progression, <c>auto</c> last.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [NaiveListStrategy.StrategyName, ParallelForStrategy.StrategyName, SimdChunksStrategy.StrategyName, StreamingStrategy.StrategyName, AutoStrategy.StrategyName];

    /// <summary>Creates a built-in strategy by name.</summary>
    /// <param name="name">One of <see cref="Names"/>, compared without regard to case.</param>
    /// <param name="partitioner">The partitioner for the partitioned strategies; <see langword="null"/> for the default.
    /// Ignored by <c>naive-list</c>, which does not partition, and by <c>auto</c>, which chooses its own.</param>
    /// <returns>A new strategy instance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
    public static IGenerateAndSum Create(string name, IIndexRangePartitioner? partitioner = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var options = new PartitionedStrategyOptions { Partitioner = partitioner ?? IndexRangePartitioners.Default() };
        return name.ToLowerInvariant() switch
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

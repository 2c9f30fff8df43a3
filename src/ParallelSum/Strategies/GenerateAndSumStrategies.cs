using ParallelSum.Execution;

namespace ParallelSum.Strategies;

/// <summary>The built-in strategies by their stable names, as the samples and benchmarks select them.</summary>
public static class GenerateAndSumStrategies
{
    /// <summary>Gets the names of the built-in strategies, in the order of the original experiment's progression, <c>auto</c> last.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [NaiveListStrategy.StrategyName, ParallelForStrategy.StrategyName, SimdChunksStrategy.StrategyName, StreamingStrategy.StrategyName, AutoStrategy.StrategyName];

    /// <summary>Gets whether the named built-in strategy takes a partitioner: <c>simd-chunks</c> and <c>streaming</c> do.</summary>
    /// <param name="name">A strategy name, compared without regard to case.</param>
    /// <returns><see langword="true"/> for the strategies that run on the engine with a partitioner; <see langword="false"/> for any other name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static bool TakesPartitioner(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() is SimdChunksStrategy.StrategyName or StreamingStrategy.StrategyName;
    }

    /// <summary>Creates a built-in strategy by name.</summary>
    /// <param name="name">One of <see cref="Names"/>, compared without regard to case.</param>
    /// <param name="options">The worker limit and partitioner, or <see langword="null"/> for the defaults. <c>naive-list</c> runs on
    /// one thread and <c>auto</c> chooses its own, so both take <see langword="null"/> only; <c>parallel-for</c> takes a worker
    /// limit but no partitioner.</param>
    /// <returns>A new strategy instance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>, an option is out of its
    /// range, or options were given that the strategy would not use.</exception>
    public static GenerateAndSumStrategy Create(string name, ParallelRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.ToLowerInvariant();
        if (options is not null && key is NaiveListStrategy.StrategyName or AutoStrategy.StrategyName)
        {
            throw new ArgumentException($"Strategy '{key}' takes no options (it {(key == AutoStrategy.StrategyName ? "chooses its own" : "runs on one thread")}); pass null, or use one of: {ParallelForStrategy.StrategyName}, {SimdChunksStrategy.StrategyName}, {StreamingStrategy.StrategyName}.", nameof(options));
        }

        return key switch
        {
            NaiveListStrategy.StrategyName => new NaiveListStrategy(),
            ParallelForStrategy.StrategyName => new ParallelForStrategy(options),
            SimdChunksStrategy.StrategyName => new SimdChunksStrategy(options),
            StreamingStrategy.StrategyName => new StreamingStrategy(options),
            AutoStrategy.StrategyName => new AutoStrategy(),
            _ => throw new ArgumentException($"Unknown strategy '{name}'; expected one of: {string.Join(", ", Names)}.", nameof(name)),
        };
    }
}

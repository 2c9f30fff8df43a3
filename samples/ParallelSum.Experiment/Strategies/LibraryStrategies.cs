namespace ParallelSum.Experiment.Strategies;

/// <summary>
/// The library's built-in strategies as this program uses them: their names, which of them take a partitioner or store
/// every value, and one call on a request. Every use the experiment makes of the library's strategy types goes through
/// this file.
/// </summary>
internal static class LibraryStrategies
{
    /// <summary>The name of the strategy that holds every value in one growing list, as the original script did.</summary>
    public const string NaiveList = NaiveListStrategy.StrategyName;

    /// <summary>The name of the strategy that adds values as they are made, storing none.</summary>
    public const string Streaming = StreamingStrategy.StrategyName;

    /// <summary>The built-in strategies' names, in the order of the original experiment's progression, <c>auto</c> last.</summary>
    public static IReadOnlyList<string> Names => GenerateAndSumStrategies.Names;

    /// <summary>The largest count <see cref="NaiveList"/> takes: one <see cref="List{T}"/> holds at most this many values.</summary>
    public static long NaiveListMaxCount => NaiveListStrategy.MaxCount;

    /// <summary>Whether the strategy takes a number of workers (one static block each): <c>parallel-for</c>, <c>simd-chunks</c>
    /// and <c>streaming</c>; <c>naive-list</c> runs on one thread and <c>auto</c> chooses its own.</summary>
    public static bool TakesPartitioner(string name) => name is not (NaiveListStrategy.StrategyName or AutoStrategy.StrategyName);

    /// <summary>Whether the strategy holds every value in memory, so that memory, not time, limits how far it goes.</summary>
    public static bool StoresValues(string name) => name is NaiveListStrategy.StrategyName or ParallelForStrategy.StrategyName;

    /// <summary>Creates <paramref name="name"/> with <paramref name="partitions"/> workers, one static block each, when it takes
    /// a number of workers and one is given; else with the library's default (one per processor).</summary>
    public static GenerateAndSumStrategy Create(string name, int? partitions = null) =>
        GenerateAndSumStrategies.Create(name, partitions is int p && TakesPartitioner(name) ? new ParallelRunOptions { MaxDegreeOfParallelism = p } : null);

    /// <summary>Runs <paramref name="name"/> once on <paramref name="request"/> in this process and returns what it measured.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The strategy does not take this count.</exception>
    /// <exception cref="OutOfMemoryException">This process ran out of memory (possibly inside an <see cref="AggregateException"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static MeasuredCall Run(string name, int? partitions, GenerateAndSumRequest request, CancellationToken cancellationToken = default)
    {
        GenerateAndSumResult result = Create(name, partitions).GenerateAndSumAsync(request, cancellationToken: cancellationToken).GetAwaiter().GetResult();
        return new MeasuredCall(name, result.Sum, result.Elapsed, result.WorkerCount, result.RangeCount, result.Partitioner, null);
    }
}

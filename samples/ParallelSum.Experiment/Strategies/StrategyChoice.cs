using System.Globalization;
using ParallelSum.Experiment.Pool;

namespace ParallelSum.Experiment.Strategies;

/// <summary>
/// A way to run a request that the experiment names on its command line and in its results: one of the library's
/// strategies in this process (<c>streaming</c>), or the same strategy in a pool of worker processes, each summing its share,
/// as the original script's <c>Pool(4).map</c> did (<c>naive-list/pool4</c>; <c>naive-list/pool</c> for one process per core).
/// </summary>
/// <param name="Strategy">A name from <see cref="LibraryStrategies.Names"/>.</param>
/// <param name="Processes">The pool's worker processes, or <see langword="null"/> to run in this process.</param>
internal sealed record StrategyChoice(string Strategy, int? Processes)
{
    /// <summary>What separates a strategy from its pool in a name.</summary>
    public const string PoolSuffix = "/pool";

    /// <summary>What <see cref="TryParse"/> accepts, for error messages.</summary>
    public static string Accepted =>
        $"one of {string.Join(", ", LibraryStrategies.Names)}, optionally run in a pool of worker processes as <name>{PoolSuffix}<K> (K from 1 to {ProcessPool.MaxProcesses}) or <name>{PoolSuffix} (one process per core)";

    /// <summary>The name as tables, charts and results show it: <c>streaming</c>, <c>naive-list/pool4</c>.</summary>
    public string Name => Processes is int k ? $"{Strategy}{PoolSuffix}{k.ToString(CultureInfo.InvariantCulture)}" : Strategy;

    /// <summary>Whether the values are stored (so that memory, not time, limits how far the choice goes).</summary>
    public bool StoresValues => LibraryStrategies.StoresValues(Strategy);

    /// <summary>Whether a number of static blocks applies: to a partitioned strategy in this process; a pool's workers run one block each.</summary>
    public bool TakesPartitions => Processes is null && LibraryStrategies.TakesPartitioner(Strategy);

    /// <summary>
    /// Reads <c>streaming</c>, <c>naive-list/pool4</c> or <c>naive-list/pool</c> (one process per core, resolved now, so
    /// the name that results show is <c>naive-list/pool2</c> on two cores).
    /// </summary>
    public static bool TryParse(string text, out StrategyChoice choice)
    {
        choice = new StrategyChoice("", null);
        int pool = text.IndexOf(PoolSuffix, StringComparison.Ordinal);
        string strategy = pool < 0 ? text : text[..pool];
        if (!LibraryStrategies.Names.Contains(strategy, StringComparer.Ordinal))
        {
            return false;
        }

        if (pool < 0)
        {
            choice = new StrategyChoice(strategy, null);
            return true;
        }

        string size = text[(pool + PoolSuffix.Length)..];
        if (size.Length == 0)
        {
            choice = new StrategyChoice(strategy, Math.Min(Environment.ProcessorCount, ProcessPool.MaxProcesses));
            return true;
        }

        if (size[0] is < '1' or > '9' || !int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out int processes) || processes > ProcessPool.MaxProcesses)
        {
            return false;
        }

        choice = new StrategyChoice(strategy, processes);
        return true;
    }

    /// <summary>Reads a name that is known to be valid.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not one <see cref="TryParse"/> accepts.</exception>
    public static StrategyChoice Parse(string text) =>
        TryParse(text, out StrategyChoice choice) ? choice : throw new ArgumentException($"'{text}' is not accepted; expected {Accepted}.", nameof(text));

    /// <summary>
    /// Runs <paramref name="request"/> once: in this process with <paramref name="partitions"/> static blocks (or the
    /// library's default), or in a fresh pool of <see cref="Processes"/> worker processes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The strategy does not take this count (in this process).</exception>
    /// <exception cref="OutOfMemoryException">This process ran out of memory.</exception>
    /// <exception cref="PoolWorkerFailedException">A worker of the pool failed; no sum is returned.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; a pool's workers have been killed.</exception>
    public MeasuredCall Run(GenerateAndSumRequest request, int? partitions, CancellationToken cancellationToken = default)
    {
        if (Processes is int processes)
        {
            PoolRun pool = ProcessPool.Run(request, Strategy, processes, cancellationToken);
            return new MeasuredCall(Name, pool.Sum, pool.Elapsed, processes, processes, $"pool({processes})", pool);
        }

        return LibraryStrategies.Run(Strategy, TakesPartitions ? partitions : null, request, cancellationToken);
    }
}

using ParallelSum.Experiment.Strategies;

namespace ParallelSum.Experiment.Sweep;

/// <summary>The options of the <c>sweep</c> command, validated.</summary>
/// <param name="Strategies">Strategy names (<see cref="StrategyChoice"/> names: <c>streaming</c>, <c>naive-list/pool4</c>), in the order their series are shown.</param>
/// <param name="Counts">Counts every strategy runs.</param>
/// <param name="LargeCounts">Further counts only the strategies that store no values run (see <see cref="StoresValues"/>).</param>
/// <param name="Partitions">Static block counts for the partitioned strategies; a <see langword="null"/> item is the library's default.</param>
/// <param name="Repetitions">Timed runs per trial, all in the trial's process; the median is reported.</param>
/// <param name="MemoryLimitBytes">The GC heap hard limit given to each process of a trial on its own (the trial's, and each
/// worker of its pool), or <see langword="null"/> for none.</param>
/// <param name="Timeout">The time budget of one trial's process, repetitions included.</param>
/// <param name="OutputFolder">Where the results file (and the charts) go.</param>
/// <param name="Plot">Whether to render the charts when the sweep ends.</param>
/// <param name="DefaultMemoryLimit">Whether <see cref="MemoryLimitBytes"/> is <see cref="DefaultMemoryCap"/>, not one the user chose.</param>
/// <param name="TotalMemoryLimitBytes">The cap of all the processes of a trial together (a memory cgroup per trial), or
/// <see langword="null"/> for none.</param>
internal sealed record SweepSettings(
    IReadOnlyList<string> Strategies,
    IReadOnlyList<long> Counts,
    IReadOnlyList<long> LargeCounts,
    IReadOnlyList<int?> Partitions,
    int Repetitions,
    ulong Seed,
    int Min,
    int Max,
    long? MemoryLimitBytes,
    TimeSpan Timeout,
    string OutputFolder,
    bool Plot,
    bool DefaultMemoryLimit = false,
    long? TotalMemoryLimitBytes = null)
{
    /// <summary>Whether the strategy holds every value in memory (so memory, not time, limits how far it goes).</summary>
    public static bool StoresValues(string strategy) => StrategyChoice.Parse(strategy).StoresValues;

    /// <summary>
    /// The GC heap hard limit each process of <paramref name="spec"/>'s trial gets: <see cref="MemoryLimitBytes"/> as given,
    /// or, for the default cap, a pool's share of it (the cap divided by the pool's processes), so that a default sweep's
    /// pool holds no more than one process may.
    /// </summary>
    public long? ProcessMemoryLimitBytes(TrialSpec spec) =>
        MemoryLimitBytes is long cap && DefaultMemoryLimit && spec.Processes is int processes ? cap / processes : MemoryLimitBytes;

    /// <summary>
    /// The trials in the order they run: count by count, ascending, every strategy at a count before the next count, so
    /// a sweep cut short still compares the strategies on everything it reached.
    /// </summary>
    public IReadOnlyList<TrialSpec> Plan()
    {
        var trials = new List<TrialSpec>();
        foreach (long count in Counts.Concat(LargeCounts).Distinct().Order())
        {
            foreach (StrategyChoice choice in Strategies.Select(StrategyChoice.Parse))
            {
                if (!Counts.Contains(count) && choice.StoresValues)
                {
                    continue;
                }

                IEnumerable<int?> partitions = choice.TakesPartitions ? Partitions : [null];
                trials.AddRange(partitions.Distinct().Select(p => new TrialSpec(choice.Strategy, count, p, choice.Processes)));
            }
        }

        return trials;
    }
}

namespace ParallelSum.Execution;

/// <summary>
/// How a parallel run is scheduled: how many workers may run at once and how <c>[0, count)</c> is split among them. One
/// options type for every run of the engine: <see cref="ParallelReduction"/> and the generate-and-sum strategies alike.
/// </summary>
/// <remarks>
/// <para>Neither option changes a result: sums are exact, and reductions combine in a tree fixed by the count and the grain
/// size alone.</para>
/// <para>Validated once, when a strategy is created from them or a reduction starts (the <see cref="Validate"/> rules);
/// immutable after that.</para>
/// </remarks>
public sealed class ParallelRunOptions
{
    /// <summary>The most workers a run uses, whatever <see cref="MaxDegreeOfParallelism"/> allows: 512.</summary>
    public const int MaxWorkerCount = 512;

    /// <summary>Gets the default options: no limit on workers, one static block per worker.</summary>
    public static ParallelRunOptions Default { get; } = new();

    /// <summary>Gets how many workers may run at once, the calling thread included, as
    /// <see cref="ParallelOptions.MaxDegreeOfParallelism"/> does.</summary>
    /// <value>Defaults to -1: no limit, and the run uses one worker per processor (<see cref="Environment.ProcessorCount"/>).
    /// Otherwise from 1 to <see cref="int.MaxValue"/>; a run uses at most <see cref="MaxWorkerCount"/> workers.</value>
    /// <remarks>The run asks its partitioner for one partition per worker. Workers that the thread pool cannot start at once
    /// are not waited for: the calling thread, and every worker that has started, take the partitions nobody has started.</remarks>
    [WorkerLimit]
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Gets how <c>[0, count)</c> is split among the workers.</summary>
    /// <value>Defaults to <see langword="null"/>: <see cref="IndexRangePartitioners.StaticBlocks"/>, one block per worker.</value>
    public IndexRangePartitioner? Partitioner { get; init; }

    /// <summary>Gets the partitioner in force: <see cref="Partitioner"/>, or static blocks.</summary>
    internal IndexRangePartitioner EffectivePartitioner => Partitioner ?? IndexRangePartitioners.StaticBlocks();

    /// <summary>Gets how many workers a run uses: <see cref="MaxDegreeOfParallelism"/>, or the processor count for -1, at most
    /// <see cref="MaxWorkerCount"/>.</summary>
    internal int WorkerCount => MaxDegreeOfParallelism == -1
        ? Math.Min(Environment.ProcessorCount, MaxWorkerCount)
        : Math.Min(MaxDegreeOfParallelism, MaxWorkerCount);

    /// <summary>Checks the options against their validation attributes.</summary>
    /// <param name="options">The options to check; <see langword="null"/> for <see cref="Default"/>.</param>
    /// <param name="parameterName">The name of the parameter they were passed as, for the exception.</param>
    /// <returns>The options, or <see cref="Default"/>.</returns>
    /// <exception cref="ArgumentException">An option is out of its documented range; the message names it and its value.</exception>
    internal static ParallelRunOptions Validate(ParallelRunOptions? options, string parameterName)
    {
        if (options is null)
        {
            return Default;
        }

        ParallelRunOptionsValidator.ThrowIfInvalid(options, parameterName);
        return options;
    }
}

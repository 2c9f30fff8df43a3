namespace ParallelSum.Orleans;

/// <summary>What one silo offers to distributed sums: its range slots and its largest range, as the silo itself reports them.</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="ProcessorCount">The silo's processor count.</param>
/// <param name="MaxConcurrentRanges">How many ranges the silo computes at once.</param>
/// <param name="MaxValuesPerRange">The most values the silo accepts in one range.</param>
[GenerateSerializer]
[Alias("ParallelSum.Orleans.SiloCapacity")]
public sealed record SiloCapacity(
    [property: Id(0)] string Silo, [property: Id(1)] int ProcessorCount, [property: Id(2)] int MaxConcurrentRanges, [property: Id(3)] long MaxValuesPerRange);

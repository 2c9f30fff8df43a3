namespace ParallelSum.Orleans;

/// <summary>What one silo offers to distributed sums, as the silo itself reports it.</summary>
/// <param name="Key">The silo's parsable address: the key of the range-sum grain placed on it.</param>
/// <param name="Silo">The silo's address, for messages and telemetry.</param>
/// <param name="ProcessorCount">The silo's processor count.</param>
/// <param name="MaxConcurrentRanges">How many ranges the silo computes at once: its range slots.</param>
/// <param name="MaxValuesPerRange">The most values the silo accepts in one range.</param>
[GenerateSerializer]
[Alias("ParallelSum.Orleans.SiloCapacity")]
internal sealed record SiloCapacity(
    [property: Id(0)] string Key, [property: Id(1)] string Silo, [property: Id(2)] int ProcessorCount,
    [property: Id(3)] int MaxConcurrentRanges, [property: Id(4)] long MaxValuesPerRange);

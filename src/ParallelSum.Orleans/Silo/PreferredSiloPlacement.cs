using Orleans.Runtime;

namespace ParallelSum.Orleans;

/// <summary>
/// Places a string-keyed grain on the silo whose parsable address is its key (<see cref="SiloAddress.ToParsableString"/>),
/// or, when that silo is no longer active, on an active silo chosen at random, so a caller that chose a silo which has
/// just died still gets its call run.
/// </summary>
[GenerateSerializer]
[Immutable]
[SuppressReferenceTracking]
[Alias("ParallelSum.Orleans.PreferredSiloPlacement")]
internal sealed class PreferredSiloPlacement : PlacementStrategy
{
    public static readonly PreferredSiloPlacement Instance = new();
}

using Orleans.Runtime;

namespace ParallelSum.Orleans;

/// <summary>
/// Places a string-keyed grain on the silo whose parsable address is its key (<see cref="SiloAddress.ToParsableString"/>),
/// or, when that silo is no longer active, on an active silo chosen at random, so a caller that chose a silo which has just
/// left the cluster still gets its call run (and can tell from the answer which silo ran it).
/// </summary>
[GenerateSerializer]
[Immutable]
[SuppressReferenceTracking]
[Alias("ParallelSum.Orleans.SiloKeyedPlacement")]
internal sealed class SiloKeyedPlacement : PlacementStrategy
{
    public static readonly SiloKeyedPlacement Instance = new();
}

using Orleans.Runtime;

namespace ParallelSum.Orleans;

/// <summary>Places a string-keyed grain on the silo whose parsable address is its key (<see cref="SiloAddress.ToParsableString"/>).</summary>
[GenerateSerializer]
[Immutable]
[SuppressReferenceTracking]
[Alias("ParallelSum.Orleans.SiloKeyedPlacement")]
internal sealed class SiloKeyedPlacement : PlacementStrategy
{
    public static readonly SiloKeyedPlacement Instance = new();
}

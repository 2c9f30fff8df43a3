using Orleans.Placement;

namespace ParallelSum.Orleans;

/// <summary>Marks a grain class for <see cref="PreferredSiloPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class PreferredSiloPlacementAttribute() : PlacementAttribute(PreferredSiloPlacement.Instance);

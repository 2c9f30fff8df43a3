using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace ParallelSum.Orleans;

/// <summary>Puts each activation of a <see cref="SiloKeyedPlacement"/> grain on the silo its key names, or refuses when that silo is not active.</summary>
internal sealed class SiloKeyedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        SiloAddress[] silos = context.GetCompatibleSilos(target);
        return Task.FromResult(Named(target, silos)
            ?? throw new DistributedSumException($"Silo {target.GrainIdentity.Key} is not an active silo of this cluster."));
    }

    /// <summary>The silo among <paramref name="silos"/> whose parsable address is the grain's key, or null.</summary>
    internal static SiloAddress? Named(PlacementTarget target, SiloAddress[] silos)
    {
        string key = target.GrainIdentity.Key.ToString();
        return Array.Find(silos, silo => silo.ToParsableString() == key);
    }
}

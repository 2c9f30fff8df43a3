using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace ParallelSum.Orleans;

/// <summary>Puts each activation of a <see cref="SiloKeyedPlacement"/> grain on the silo its key names, or refuses when that silo is not active.</summary>
internal sealed class SiloKeyedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        string key = target.GrainIdentity.Key.ToString();
        foreach (SiloAddress silo in context.GetCompatibleSilos(target))
        {
            if (silo.ToParsableString() == key)
            {
                return Task.FromResult(silo);
            }
        }

        throw new DistributedSumException($"Silo {key} is not an active silo of this cluster.");
    }
}

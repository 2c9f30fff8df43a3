using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace ParallelSum.Orleans;

/// <summary>Puts each activation of a <see cref="SiloKeyedPlacement"/> grain on the silo its key names when that silo is
/// active, else on a random active one.</summary>
internal sealed class SiloKeyedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        SiloAddress[] silos = context.GetCompatibleSilos(target);
        string key = target.GrainIdentity.Key.ToString();
        SiloAddress? named = Array.Find(silos, silo => silo.ToParsableString() == key);
        return Task.FromResult(named
            ?? (silos.Length > 0 ? silos[Random.Shared.Next(silos.Length)] : throw new DistributedSumException("No active silo can host a range-sum grain.")));
    }
}

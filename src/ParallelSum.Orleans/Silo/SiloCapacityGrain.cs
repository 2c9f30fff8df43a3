using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace ParallelSum.Orleans;

/// <summary>Reports the capacity of the silo it is placed on (see <see cref="SiloKeyedPlacementAttribute"/>).</summary>
[SiloKeyedPlacement]
internal sealed class SiloCapacityGrain(ILocalSiloDetails silo, IOptions<RangeSumSiloOptions> options) : Grain, ISiloCapacityGrain
{
    public Task<SiloCapacity> GetCapacityAsync() => Task.FromResult(new SiloCapacity(
        silo.SiloAddress.ToString(), Environment.ProcessorCount, options.Value.MaxConcurrentRanges, options.Value.MaxValuesPerRange));
}

namespace ParallelSum.Orleans;

/// <summary>
/// A grain placed on the silo its key names (the silo address in its parsable form), which reports that silo's
/// <see cref="SiloCapacity"/>; clients size their requests from the silos' own answers.
/// </summary>
[Alias("ParallelSum.Orleans.ISiloCapacityGrain")]
public interface ISiloCapacityGrain : IGrainWithStringKey
{
    /// <summary>Reports the capacity of the silo this grain runs on.</summary>
    /// <returns>The silo's address, processor count and admission limits.</returns>
    [Alias("GetCapacity")]
    Task<SiloCapacity> GetCapacityAsync();
}

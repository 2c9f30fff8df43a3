using System.Diagnostics;
using System.Text.Json.Serialization;

namespace ParallelSum.Experiment.Retention;

/// <summary>
/// The memory of this process at one step of a retention trial, printed by the child as one JSON line the moment it is
/// taken, so the parent can read the whole machine's RAM at the same moment.
/// </summary>
/// <param name="Step">What had just happened: <c>start</c>, <c>peak</c>, <c>after return</c>, …</param>
/// <param name="WorkingSetBytes">The process's resident memory (what a system monitor shows).</param>
/// <param name="PeakWorkingSetBytes">The process's highest resident memory so far.</param>
/// <param name="ManagedHeapBytes">Bytes of managed objects, reachable or not yet collected (<see cref="GC.GetTotalMemory(bool)"/>).</param>
/// <param name="GcCommittedBytes">Memory the garbage collector has committed from the operating system (<see cref="GCMemoryInfo.TotalCommittedBytes"/>).</param>
internal sealed record MemorySnapshot(
    [property: JsonPropertyName("step")] string Step,
    [property: JsonPropertyName("workingSetBytes")] long WorkingSetBytes,
    [property: JsonPropertyName("peakWorkingSetBytes")] long PeakWorkingSetBytes,
    [property: JsonPropertyName("managedHeapBytes")] long ManagedHeapBytes,
    [property: JsonPropertyName("gcCommittedBytes")] long GcCommittedBytes)
{
    /// <summary>Takes a snapshot of this process now.</summary>
    public static MemorySnapshot Take(string step)
    {
        using Process self = Process.GetCurrentProcess();
        return new MemorySnapshot(step, self.WorkingSet64, self.PeakWorkingSet64, GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().TotalCommittedBytes);
    }
}

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// The memory cap a sweep gives each trial unless told otherwise: half of the memory this machine (or container) gives
/// the runtime. A strategy that stores every value then meets its memory error where the original experiment did, instead
/// of pushing the machine into swap.
/// </summary>
internal static class DefaultMemoryCap
{
    /// <summary>The share of the machine's memory, in percent.</summary>
    public const int Percent = 50;

    /// <summary>What the runtime may use on this machine: physical memory, or a container's limit.</summary>
    public static long MachineBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>The cap: <see cref="Percent"/> % of <see cref="MachineBytes"/>.</summary>
    public static long Bytes => (long)((Int128)MachineBytes * Percent / 100);

    /// <summary>The cap as the help text and the sweep's first line state it.</summary>
    public static string Description => $"{Percent} % of the {ByteSize.Format(MachineBytes)} this machine has";
}

using System.Globalization;

namespace ParallelSum.Experiment.Retention;

/// <summary>The whole machine's RAM in use, as a system monitor shows it: <c>MemTotal − MemAvailable</c> from <c>/proc/meminfo</c>.</summary>
internal static class MachineMemory
{
    /// <summary>Bytes of RAM in use on the whole machine now, or <see langword="null"/> where there is no <c>/proc/meminfo</c>.</summary>
    public static long? UsedBytes() => TotalAndAvailableBytes() is (long total, long available) ? total - available : null;

    /// <summary>Physical RAM and the part of it available to programs (<c>MemTotal</c>, <c>MemAvailable</c>), or
    /// <see langword="null"/> where there is no <c>/proc/meminfo</c>.</summary>
    public static (long Total, long Available)? TotalAndAvailableBytes()
    {
        if (!File.Exists("/proc/meminfo"))
        {
            return null;
        }

        long? total = null, available = null;
        foreach (string line in File.ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                total = Kilobytes(line);
            }
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                available = Kilobytes(line);
            }

            if (total is long t && available is long a)
            {
                return (t, a);
            }
        }

        return null;
    }

    /// <summary>Bytes of file pages the kernel keeps cached (<c>Buffers + Cached</c>): not in use by any process, counted as
    /// available, given back as soon as a program needs the memory. <see langword="null"/> where there is no <c>/proc/meminfo</c>.</summary>
    public static long? PageCacheBytes() =>
        File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").Where(l => l.StartsWith("Buffers:", StringComparison.Ordinal) || l.StartsWith("Cached:", StringComparison.Ordinal)).Sum(Kilobytes)
            : null;

    /// <summary>Bytes of physical RAM, or <see langword="null"/> where there is no <c>/proc/meminfo</c>.</summary>
    public static long? TotalBytes() => TotalAndAvailableBytes()?.Total;

    private static long Kilobytes(string line) =>
        1024 * long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

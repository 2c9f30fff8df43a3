using System.Globalization;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// Watches the whole machine as the original experiment did with a system monitor: every 100 ms it reads the busy share
/// of all CPUs since the last reading (<c>/proc/stat</c>) and the share of RAM in use (<c>/proc/meminfo</c>: 1 − MemAvailable
/// / MemTotal), and keeps the peaks. On a system without <c>/proc</c> the peaks stay <see langword="null"/>.
/// </summary>
internal sealed class SystemUsageSampler : IDisposable
{
    private readonly Thread? _thread;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Lock _gate = new();
    private (ulong Busy, ulong Total)? _lastCpu;
    private double? _peakCpuPercent;
    private double? _peakRamPercent;

    public SystemUsageSampler()
    {
        if (!File.Exists("/proc/stat") || !File.Exists("/proc/meminfo"))
        {
            return;
        }

        _lastCpu = ReadCpu();
        _thread = new Thread(Sample) { IsBackground = true, Name = "system usage sampler" };
        _thread.Start();
    }

    /// <summary>The highest whole-machine CPU use seen, in percent of all cores; <see langword="null"/> when not measurable.</summary>
    public double? PeakCpuPercent
    {
        get
        {
            lock (_gate)
            {
                return _peakCpuPercent;
            }
        }
    }

    /// <summary>The highest whole-machine RAM use seen, in percent of physical memory; <see langword="null"/> when not measurable.</summary>
    public double? PeakRamPercent
    {
        get
        {
            lock (_gate)
            {
                return _peakRamPercent;
            }
        }
    }

    /// <summary>Takes a last reading and stops sampling.</summary>
    public void Dispose()
    {
        if (_thread is not null && !_stop.IsSet)
        {
            _stop.Set();
            _thread.Join();
            Observe();
        }

        _stop.Dispose();
    }

    private void Sample()
    {
        while (!_stop.Wait(TimeSpan.FromMilliseconds(100)))
        {
            Observe();
        }
    }

    private void Observe()
    {
        (ulong busy, ulong total) = ReadCpu();
        double? ram = ReadRamPercent();
        lock (_gate)
        {
            if (_lastCpu is (ulong lastBusy, ulong lastTotal) && total > lastTotal)
            {
                double cpu = 100.0 * (busy - lastBusy) / (total - lastTotal);
                _peakCpuPercent = Math.Max(_peakCpuPercent ?? 0, cpu);
            }

            _lastCpu = (busy, total);
            if (ram is double r)
            {
                _peakRamPercent = Math.Max(_peakRamPercent ?? 0, r);
            }
        }
    }

    private static (ulong Busy, ulong Total) ReadCpu()
    {
        // First line: "cpu  user nice system idle iowait irq softirq steal guest guest_nice" in clock ticks since boot.
        string line = File.ReadLines("/proc/stat").First();
        ulong[] fields = [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(f => ulong.Parse(f, CultureInfo.InvariantCulture))];
        ulong idle = fields[3] + fields[4];
        ulong total = 0;
        foreach (ulong field in fields)
        {
            total += field;
        }

        return (total - idle, total);
    }

    private static double? ReadRamPercent() =>
        Retention.MachineMemory.TotalAndAvailableBytes() is (long total, long available) ? 100.0 * (1 - (double)available / total) : null;
}

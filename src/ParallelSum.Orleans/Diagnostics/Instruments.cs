using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ParallelSum.Orleans;

/// <summary>The meter, instruments and activity source of the package (names in <see cref="ParallelSumTelemetry"/>).</summary>
internal static class Instruments
{
    /// <summary>The tag naming the silo a measurement is about: its address.</summary>
    public const string SiloTag = "parallelsum.silo";

    private static readonly string? Version = typeof(Instruments).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(ParallelSumTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(ParallelSumTelemetry.MeterName, Version);

    public static readonly Counter<long> RangesStarted = Meter.CreateCounter<long>("parallelsum.orleans.ranges.started", "{range}", "Attempts at ranges sent to silos.");

    public static readonly Counter<long> RangesCompleted = Meter.CreateCounter<long>("parallelsum.orleans.ranges.completed", "{range}", "Ranges whose exact sum came back, tagged with the silo that computed them.");

    public static readonly Counter<long> RangesRetried = Meter.CreateCounter<long>("parallelsum.orleans.ranges.retried", "{range}", "Attempts that failed or timed out and were retried.");

    public static readonly Counter<long> RangesRefused = Meter.CreateCounter<long>("parallelsum.orleans.ranges.refused", "{range}", "Requests or ranges refused by an admission limit.");

    public static readonly Counter<long> Values = Meter.CreateCounter<long>("parallelsum.orleans.values", "{value}", "Values summed by completed ranges.");

    public static readonly Histogram<double> RequestRate = Meter.CreateHistogram<double>("parallelsum.orleans.request.rate", "{value}/s", "Values per second of each completed request.");

    public static readonly Counter<long> ResilienceEvents = Meter.CreateCounter<long>(
        "parallelsum.orleans.resilience.events", "{event}", "Events of the ranges' resilience pipeline (OnRetry, OnTimeout), tagged as Polly tags its own.");

    public static readonly Histogram<double> AttemptDuration = Meter.CreateHistogram<double>(
        "parallelsum.orleans.resilience.attempt.duration", "s", "Duration of each attempt at a range, tagged with its number and whether it was handled as a failure.");

    public static readonly UpDownCounter<long> SiloRangesRunning = Meter.CreateUpDownCounter<long>("parallelsum.orleans.silo.ranges.running", "{range}", "Ranges computing on this silo.");

    public static readonly Counter<long> SiloRangesRefused = Meter.CreateCounter<long>("parallelsum.orleans.silo.ranges.refused", "{range}", "Ranges this silo refused (over a limit, or its queue full).");

    public static readonly Counter<long> SiloRangesExpired = Meter.CreateCounter<long>("parallelsum.orleans.silo.ranges.expired", "{range}", "Ranges this silo stopped at their deadline.");
}

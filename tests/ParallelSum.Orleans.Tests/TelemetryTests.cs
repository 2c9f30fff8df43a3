using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ParallelSum.Orleans.Tests;

/// <summary>The meter and activity source publish what a request did, under the names <see cref="ParallelSumTelemetry"/> gives.</summary>
[Collection(InProcessClusters.Name)]
public sealed class TelemetryTests(ThreeSiloCluster fixture)
{
    [Fact]
    public async Task ARequest_CountsItsRangesAndValues_AndTracesRequestAndRanges()
    {
        var measurements = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ParallelSumTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        meters.Start();
        var activities = new ConcurrentBag<string>();
        using var traces = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ParallelSumTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => activities.Add(activity.OperationName),
        };
        ActivitySource.AddActivityListener(traces);

        var request = new GenerateAndSumRequest(1_234_567, 8);
        GenerateAndSumResult result = await new DistributedStrategy(fixture.Cluster.Client).GenerateAndSumAsync(request);

        // Other tests may run requests too (the counters are process-wide), so these are lower bounds.
        Assert.True(measurements.GetValueOrDefault("parallelsum.orleans.ranges.completed") >= result.RangeCount);
        Assert.True(measurements.GetValueOrDefault("parallelsum.orleans.ranges.started") >= result.RangeCount);
        Assert.True(measurements.GetValueOrDefault("parallelsum.orleans.values") >= request.Count);
        Assert.Contains("parallelsum.request", activities);
        Assert.True(activities.Count(a => a == "parallelsum.range") >= result.RangeCount);
        Assert.Contains("parallelsum.range.compute", activities);
    }
}

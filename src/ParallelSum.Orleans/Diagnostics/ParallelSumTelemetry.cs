namespace ParallelSum.Orleans;

/// <summary>
/// The names under which ParallelSum.Orleans publishes its metrics (<see cref="System.Diagnostics.Metrics.Meter"/>) and
/// traces (<see cref="System.Diagnostics.ActivitySource"/>); subscribe to them by name, for example with OpenTelemetry's
/// <c>AddMeter</c> and <c>AddSource</c>. The package itself references no telemetry library.
/// </summary>
/// <remarks>
/// Instruments (all in the meter <see cref="MeterName"/>):
/// <list type="bullet">
/// <item><c>parallelsum.orleans.ranges.started</c>, <c>.completed</c> (tagged <c>parallelsum.silo</c> with the silo that computed
/// the range), <c>.retried</c>, <c>.refused</c> (client side: attempts at ranges and their outcomes);</item>
/// <item><c>parallelsum.orleans.resilience.events</c> and <c>parallelsum.orleans.resilience.attempt.duration</c> (client side: the
/// ranges' resilience pipeline, with the tags Polly gives its own instruments);</item>
/// <item><c>parallelsum.orleans.values</c> (values summed by completed ranges, client side: its rate is values per second);</item>
/// <item><c>parallelsum.orleans.request.rate</c> (histogram of values per second of each completed request);</item>
/// <item><c>parallelsum.orleans.silo.ranges.running</c> (up-down counter), <c>parallelsum.orleans.silo.ranges.refused</c>,
/// <c>parallelsum.orleans.silo.ranges.expired</c> (silo side).</item>
/// </list>
/// Activities (in the source <see cref="ActivitySourceName"/>): <c>parallelsum.request</c> per request and <c>parallelsum.range</c>
/// per attempt at a range on the client, <c>parallelsum.range.compute</c> per range on the silo.
/// </remarks>
public static class ParallelSumTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>ParallelSum.Orleans</c>.</summary>
    public const string MeterName = "ParallelSum.Orleans";

    /// <summary>The name of the activity source: <c>ParallelSum.Orleans</c>.</summary>
    public const string ActivitySourceName = MeterName;
}

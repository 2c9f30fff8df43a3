using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ParallelSum.Orleans.Tests;

/// <summary>Records the measurements of the package's meter (<see cref="ParallelSumTelemetry.MeterName"/>) while it lives,
/// each with its tags.</summary>
internal sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public MeterRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ParallelSumTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    /// <summary>The measurements of one instrument.</summary>
    public Measurement[] Of(string instrument) => [.. Measurements.Where(m => m.Instrument == instrument)];

    /// <summary>The sum of one instrument's measurements.</summary>
    public double Sum(string instrument) => Of(instrument).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal)));

    /// <summary>One measurement: the instrument's name, the value and the tags.</summary>
    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
    {
        public string? Tag(string name) => Tags.TryGetValue(name, out object? value) ? value?.ToString() : null;
    }
}

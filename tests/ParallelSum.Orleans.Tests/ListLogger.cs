using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ParallelSum.Orleans.Tests;

/// <summary>A logger that keeps every entry: its event id, its message and its structured values.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<Entry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue(new Entry(logLevel, eventId.Id, formatter(state, exception),
            state is IEnumerable<KeyValuePair<string, object?>> values ? values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal) : []));

    /// <summary>One log entry.</summary>
    public sealed record Entry(LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> Values);
}

using System.Collections.Concurrent;

namespace ParallelSum.Orleans;

/// <summary>
/// The ranges on this silo, queued or computing, by the request they belong to, so that a client can stop all of a
/// request's ranges with one acknowledged call when the request is cancelled or has failed. Orleans' own cancellation of a
/// call is a one-way message, lost when the client's process ends before it goes out; this one is answered. A range of a
/// stopped request that arrives afterwards (it was on its way) is stopped at once. Thread-safe.
/// </summary>
internal sealed class RunningRanges
{
    /// <summary>How long a stopped request is remembered, for ranges still on their way: longer than any range may live.</summary>
    private static readonly TimeSpan RememberStopped = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<CancellationTokenSource, bool>> _byRequest = new();
    private readonly ConcurrentDictionary<Guid, long> _stopped = new();

    /// <summary>Records a range of <paramref name="requestId"/>, stopped by cancelling <paramref name="stop"/> (at once if the
    /// request was stopped already); dispose the result when the range has ended.</summary>
    public IDisposable Add(Guid requestId, CancellationTokenSource stop)
    {
        _byRequest.GetOrAdd(requestId, _ => new ConcurrentDictionary<CancellationTokenSource, bool>()).TryAdd(stop, true);
        if (_stopped.ContainsKey(requestId))
        {
            stop.Cancel();
        }

        return new Entry(this, requestId, stop);
    }

    /// <summary>Cancels every range of <paramref name="requestId"/> on this silo, and any that arrives later; returns how many
    /// were running or queued.</summary>
    public int Stop(Guid requestId)
    {
        long now = Environment.TickCount64;
        _stopped[requestId] = now;
        foreach ((Guid old, long at) in _stopped)
        {
            if (now - at > (long)RememberStopped.TotalMilliseconds)
            {
                _stopped.TryRemove(old, out _);
            }
        }

        if (!_byRequest.TryGetValue(requestId, out ConcurrentDictionary<CancellationTokenSource, bool>? ranges))
        {
            return 0;
        }

        int stopped = 0;
        foreach (CancellationTokenSource stop in ranges.Keys)
        {
            try
            {
                stop.Cancel();
                stopped++;
            }
            catch (ObjectDisposedException)
            {
                // The range ended meanwhile.
            }
        }

        return stopped;
    }

    private void Remove(Guid requestId, CancellationTokenSource stop)
    {
        if (_byRequest.TryGetValue(requestId, out ConcurrentDictionary<CancellationTokenSource, bool>? ranges)
            && ranges.TryRemove(stop, out _) && ranges.IsEmpty)
        {
            _byRequest.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<CancellationTokenSource, bool>>(requestId, ranges));
        }
    }

    private sealed class Entry(RunningRanges owner, Guid requestId, CancellationTokenSource stop) : IDisposable
    {
        public void Dispose() => owner.Remove(requestId, stop);
    }
}

namespace ParallelSum.Orleans;

/// <summary>
/// Chooses the silo for each range of one distributed request: the one with the fewest ranges in flight for its range
/// slots (ties go to the earlier silo), leaving out silos on which a range of this request has failed while any other
/// is left. Thread-safe.
/// </summary>
internal sealed class SiloLoadBalancer
{
    private readonly string[] _keys;
    private readonly int[] _slots;
    private readonly int[] _inFlight;
    private readonly bool[] _failed;
    private readonly object _gate = new();

    /// <summary>Balances over <paramref name="silos"/>: each silo's grain key and its number of range slots (at least 1 is assumed).</summary>
    public SiloLoadBalancer(IReadOnlyList<(string Key, int Slots)> silos)
    {
        _keys = [.. silos.Select(s => s.Key)];
        _slots = [.. silos.Select(s => Math.Max(1, s.Slots))];
        _inFlight = new int[_keys.Length];
        _failed = new bool[_keys.Length];
    }

    /// <summary>Takes a place on the least-loaded silo; returns its index (give it back with <see cref="Release"/>).</summary>
    public int Acquire()
    {
        lock (_gate)
        {
            bool anyHealthy = _failed.Contains(false);
            int best = -1;
            for (int i = 0; i < _keys.Length; i++)
            {
                if (anyHealthy && _failed[i])
                {
                    continue;
                }

                // in-flight / slots, compared without division: a/b < c/d  <=>  a*d < c*b (all small and positive).
                if (best < 0 || (long)_inFlight[i] * _slots[best] < (long)_inFlight[best] * _slots[i])
                {
                    best = i;
                }
            }

            _inFlight[best]++;
            return best;
        }
    }

    /// <summary>The grain key of silo <paramref name="silo"/>.</summary>
    public string Key(int silo) => _keys[silo];

    /// <summary>Gives back a place taken with <see cref="Acquire"/>; <paramref name="failed"/> leaves the silo out of later choices.</summary>
    public void Release(int silo, bool failed)
    {
        lock (_gate)
        {
            _inFlight[silo]--;
            _failed[silo] |= failed;
        }
    }
}

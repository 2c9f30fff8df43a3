namespace ParallelSum.Orleans;

/// <summary>
/// Chooses the silo for each attempt at a range of one distributed request: the one with the fewest ranges in flight for its
/// range slots, and among those the one that has been given the fewest of the request's ranges for its slots (then the
/// earlier silo), leaving out silos on which a range of this request has failed while any other is left. Thread-safe.
/// </summary>
/// <remarks>Whatever the timing of completions, the first <c>N</c> choices of a request with <c>N</c> healthy silos go to
/// <c>N</c> different silos: a silo not yet chosen has nothing in flight and nothing given, which no chosen silo beats.</remarks>
internal sealed class SiloLoadBalancer
{
    private readonly string[] _keys;
    private readonly int[] _slots;
    private readonly int[] _inFlight;
    private readonly long[] _given;
    private readonly bool[] _failed;
    private readonly Lock _gate = new();

    /// <summary>Balances over <paramref name="silos"/>: each silo's grain key and its number of range slots (at least 1 is assumed).</summary>
    public SiloLoadBalancer(IReadOnlyList<(string Key, int Slots)> silos)
    {
        ArgumentOutOfRangeException.ThrowIfZero(silos.Count);
        _keys = [.. silos.Select(s => s.Key)];
        _slots = [.. silos.Select(s => Math.Max(1, s.Slots))];
        _inFlight = new int[_keys.Length];
        _given = new long[_keys.Length];
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
                if ((anyHealthy && _failed[i]) || (best >= 0 && !LessLoaded(i, best)))
                {
                    continue;
                }

                best = i;
            }

            _inFlight[best]++;
            _given[best]++;
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

    // Ratios compared without division: a/b < c/d  <=>  a*d < c*b (all non-negative; slots and in-flight counts are small).
    private bool LessLoaded(int i, int j)
    {
        Int128 inFlightI = (Int128)_inFlight[i] * _slots[j], inFlightJ = (Int128)_inFlight[j] * _slots[i];
        return inFlightI < inFlightJ || (inFlightI == inFlightJ && (Int128)_given[i] * _slots[j] < (Int128)_given[j] * _slots[i]);
    }
}

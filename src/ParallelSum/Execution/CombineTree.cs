namespace ParallelSum.Execution;

/// <summary>
/// Combines the partial results of grains <c>0 … grainCount - 1</c> in one fixed binary tree over the grain indices, whatever
/// order the partials arrive in: node <c>(level, index)</c> covers grains <c>[index · 2^level, (index + 1) · 2^level)</c> and
/// its value is <c>combine(left child, right child)</c>, or the left child alone when the right one lies past the last grain.
/// </summary>
/// <remarks>Holds only nodes still waiting for their sibling: a worker's run of consecutive grains folds into at most two
/// nodes per level, so memory is bounded by the ranges yielded times the tree's height. Not thread-safe; the caller locks.</remarks>
internal sealed class CombineTree<TResult>(long grainCount, Func<TResult, TResult, TResult> combine)
{
    private readonly Dictionary<(int Level, long Index), TResult> _waiting = [];

    /// <summary>Gets whether no node is waiting.</summary>
    public bool IsEmpty => _waiting.Count == 0;

    /// <summary>Gets the nodes waiting for a sibling, in no particular order.</summary>
    public IEnumerable<KeyValuePair<(int Level, long Index), TResult>> Waiting => _waiting;

    /// <summary>Adds the value of node <c>(level, index)</c> and combines it upwards as far as its siblings are known.</summary>
    public void Add(int level, long index, TResult value)
    {
        while (true)
        {
            // (grainCount - 1) >> level is the index of the last node on this level: no shift can overflow.
            // Stryker disable once Bitwise : ">>>" is equivalent here; the shifted value is never negative.
            long lastIndex = (grainCount - 1) >> level;
            if (lastIndex == 0)
            {
                // The root: this node covers every grain.
                _waiting[(level, 0)] = value;
                return;
            }

            if ((index & 1) == 0)
            {
                if (index == lastIndex)
                {
                    // No right sibling on this level: the parent's value is this one.
                }
                else if (_waiting.Remove((level, index + 1), out TResult? right))
                {
                    value = combine(value, right);
                }
                else
                {
                    _waiting[(level, index)] = value;
                    return;
                }
            }
            else if (_waiting.Remove((level, index - 1), out TResult? left))
            {
                value = combine(left, value);
            }
            else
            {
                _waiting[(level, index)] = value;
                return;
            }

            level++;
            // Stryker disable once Assignment : ">>>=" is equivalent here; grain indices are never negative.
            index >>= 1;
        }
    }

    /// <summary>Moves every waiting node into <paramref name="target"/>, leaving this tree empty.</summary>
    public void MoveTo(CombineTree<TResult> target)
    {
        foreach (KeyValuePair<(int Level, long Index), TResult> node in _waiting)
        {
            target.Add(node.Key.Level, node.Key.Index, node.Value);
        }

        _waiting.Clear();
    }

    /// <summary>Gets the root's value once every grain has been added.</summary>
    /// <exception cref="InvalidOperationException">Some grain is missing: a bug, since coverage is checked first.</exception>
    public TResult Root()
    {
        int rootLevel = 0;
        // Stryker disable once Bitwise : ">>>" is equivalent here; the shifted value is never negative.
        while (((grainCount - 1) >> rootLevel) != 0)
        {
            rootLevel++;
        }

        return _waiting.Count == 1 && _waiting.TryGetValue((rootLevel, 0), out TResult? root)
            ? root
            : throw new InvalidOperationException($"The combine tree over {grainCount} grains is incomplete ({_waiting.Count} nodes waiting).");
    }
}

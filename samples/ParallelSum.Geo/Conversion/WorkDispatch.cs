namespace ParallelSum.Geo.Conversion;

/// <summary>Runs one worker per sequence a library partitioner returns, each on its own thread.</summary>
internal static class WorkDispatch
{
    /// <summary>
    /// Partitions <c>[0, count)</c> with <paramref name="partitioner"/> and runs <paramref name="worker"/> once per returned
    /// sequence, with the worker's 0-based number, all at the same time (a single sequence runs on the calling thread). Returns
    /// when every worker has returned.
    /// </summary>
    /// <exception cref="AggregateException">One or more workers threw; every worker still ran to its end.</exception>
    public static void Run(IIndexRangePartitioner partitioner, int count, Action<int, IEnumerable<IndexRange>> worker)
    {
        IReadOnlyList<IEnumerable<IndexRange>> sequences = partitioner.Partition(count);
        if (sequences.Count == 1)
        {
            worker(0, sequences[0]);
            return;
        }

        var errors = new List<Exception>();
        var threads = new Thread[sequences.Count];
        for (int w = 0; w < threads.Length; w++)
        {
            int number = w;
            threads[w] = new Thread(() =>
            {
                try
                {
                    worker(number, sequences[number]);
                }
                catch (Exception e)
                {
                    lock (errors)
                    {
                        errors.Add(e);
                    }
                }
            })
            {
                // Workers block on file and pipe I/O, so they get threads of their own rather than pool threads.
                Name = $"geo-worker-{number}",
                IsBackground = true,
            };
            threads[w].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        if (errors.Count > 0)
        {
            throw new AggregateException(errors);
        }
    }

    /// <summary>The indices of <paramref name="range"/>, as <see cref="int"/> (file counts fit).</summary>
    public static IEnumerable<int> Indices(IndexRange range)
    {
        for (long i = range.Start; i < range.End; i++)
        {
            yield return (int)i;
        }
    }
}

namespace ParallelSum.Geo.Conversion;

/// <summary>
/// Per-file work on the library's engine, <see cref="ParallelReduction"/>: one grain per file, a library partitioner over the
/// file indices, at most as many files at once as there are workers, and each file given a worker number that no other file in
/// flight holds (<see cref="WorkerNumbers"/>).
/// </summary>
/// <remarks>
/// The engine covers every file exactly once and honours the partitioner's ranges: each of its sequences is worked through in
/// order by one thread (the calling thread is one of them; the others are thread-pool threads, which may block on file and pipe
/// I/O since their number is bounded by the worker count). Which number a file gets is not fixed: a number stands for a slot
/// (a thread's turn, or a worker process) that is free when the file starts.
/// </remarks>
internal static class FileWorkers
{
    /// <summary>Calls <paramref name="work"/>(worker, file) once for every file index in <c>[0, fileCount)</c> and returns when all have returned.</summary>
    /// <param name="fileCount">How many files, 0 or more.</param>
    /// <param name="partitioner">Who takes which file: its sequences are over file indices.</param>
    /// <param name="workers">How many files may be worked on at once, 1 or more; worker numbers run from 0 to <paramref name="workers"/> - 1.</param>
    /// <param name="work">The work for one file, given its worker number and its index; it should report problems in its results, not throw.</param>
    /// <param name="cancellationToken">Stops the run before the next file; files already started finish.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the files not started were not worked on.</exception>
    /// <remarks>An exception from <paramref name="work"/> ends the run as the engine ends it: no further file starts, the files in
    /// flight finish, and the first exception is rethrown unchanged.</remarks>
    public static void Run(int fileCount, ParallelSum.Execution.IndexRangePartitioner partitioner, int workers, Action<int, int> work, CancellationToken cancellationToken = default)
    {
        var numbers = new WorkerNumbers(workers);

        // The workers block on file and pipe I/O on thread-pool threads. A pool with fewer threads than workers would add the
        // missing ones one at a time, about two a second, and the last workers would start late; this program wants them all.
        ThreadPool.GetMinThreads(out int minWorkerThreads, out int minIoThreads);
        if (minWorkerThreads < workers)
        {
            ThreadPool.SetMinThreads(workers, minIoThreads);
        }

        long filesRun = ParallelSum.Execution.ParallelReduction.Reduce(
            fileCount,
            1,
            0L,
            grain =>
            {
                // A grain size of 1: the grain is the one file [Start, Start + 1).
                int file = checked((int)grain.Start);
                int worker = numbers.Rent();
                try
                {
                    work(worker, file);
                }
                finally
                {
                    numbers.Return(worker);
                }

                return grain.Length;
            },
            (left, right) => left + right,
            new ParallelSum.Execution.ParallelRunOptions { Partitioner = partitioner, MaxDegreeOfParallelism = workers },
            cancellationToken: cancellationToken);
        if (filesRun != fileCount)
        {
            throw new InvalidOperationException($"The engine ran {filesRun} of {fileCount} files; it must run each exactly once.");
        }
    }
}

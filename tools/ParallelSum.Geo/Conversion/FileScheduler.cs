using System.Runtime.ExceptionServices;

namespace ParallelSum.Geo.Conversion;

/// <summary>
/// Hands files to a fixed number of workers. Each worker is a loop of its own: worker 0 runs on the calling thread, the others
/// each on a dedicated thread (long-running tasks, so no worker waits for the thread pool to grow), and each knows its number.
/// <see cref="PartitionerKind.Static"/> gives worker <c>k</c> the <c>k</c>-th contiguous block of files, fixed up front and
/// worked through in order; <see cref="PartitionerKind.Dynamic"/> has a free worker take the next file not yet taken.
/// </summary>
internal static class FileScheduler
{
    /// <summary>
    /// Calls <paramref name="work"/>(worker, file) once for every file index in <c>[0, fileCount)</c>, from at most
    /// <paramref name="workers"/> workers at once, and returns when every worker has stopped.
    /// </summary>
    /// <param name="fileCount">How many files, 0 or more.</param>
    /// <param name="workers">How many workers, 1 or more; worker numbers run from 0 to <paramref name="workers"/> - 1.</param>
    /// <param name="partitioner">Who takes which file.</param>
    /// <param name="work">The work for one file; it should report problems in its results, not throw.</param>
    /// <param name="cancellationToken">Stops every worker before its next file; files in hand are the work's to stop.</param>
    /// <returns>How many files were handed to a worker (fewer than <paramref name="fileCount"/> only after cancellation).</returns>
    /// <remarks>An exception from <paramref name="work"/> stops every worker before its next file; the first one is rethrown
    /// once all have stopped.</remarks>
    public static int Run(int fileCount, int workers, PartitionerKind partitioner, Action<int, int> work, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fileCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        int next = -1;
        int handed = 0;
        ExceptionDispatchInfo? failure = null;

        void Worker(int worker)
        {
            (int first, int end) = partitioner == PartitionerKind.Static ? Block(fileCount, workers, worker) : (0, fileCount);
            int cursor = first;
            while (!cancellationToken.IsCancellationRequested && Volatile.Read(ref failure) is null)
            {
                int file = partitioner == PartitionerKind.Static ? cursor++ : Interlocked.Increment(ref next);
                if (file >= end)
                {
                    return;
                }

                Interlocked.Increment(ref handed);
                try
                {
                    work(worker, file);
                }
                catch (Exception e) when (Fail(e))
                {
                    return;
                }
            }
        }

        // Recorded in the exception filter, before the failing file's own finally blocks run: once they have, no worker starts
        // another file.
        bool Fail(Exception e)
        {
            Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
            return true;
        }

        // No thread for a worker that would find nothing to do: beyond the file count, or with an empty static block.
        IEnumerable<int> busy = partitioner == PartitionerKind.Static
            ? Enumerable.Range(1, workers - 1).Where(w => Block(fileCount, workers, w) is (int first, int end) && end > first)
            : Enumerable.Range(1, Math.Max(0, Math.Min(workers, fileCount) - 1));
        Task[] others = [.. busy.Select(w => Task.Factory.StartNew(
            () => Worker(w), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
        Worker(0);
        Task.WaitAll(others, CancellationToken.None); // workers stop on cancellation by themselves; wait for the files in hand
        failure?.Throw();
        return handed;
    }

    /// <summary>The files <c>[First, End)</c> of worker <paramref name="worker"/>'s static block: sizes differ by at most one.</summary>
    public static (int First, int End) Block(int fileCount, int workers, int worker) =>
        ((int)((long)fileCount * worker / workers), (int)((long)fileCount * (worker + 1) / workers));
}

using System.Diagnostics;

namespace ParallelSum.Geo.Conversion;

/// <summary>
/// Converts a list of shapefiles with a <see cref="ConversionPlan"/>. Files are work items <c>[0, count)</c> in the given
/// order; the plan's library partitioner decides which worker converts which, and every file ends with exactly one result.
/// </summary>
internal static class ConversionRunner
{
    public static ConversionReport Run(
        IReadOnlyList<string> shpPaths,
        string outFolder,
        bool overwrite,
        ConversionPlan plan,
        IConversionObserver? observer = null,
        WorkerLauncher? launcher = null,
        string? encoding = null,
        CancellationToken cancellationToken = default)
    {
        System.Text.Encoding? textEncoding = encoding is null ? null : Shapefiles.CodePages.ByName(encoding)
            ?? throw new ArgumentException($"unknown encoding '{encoding}'", nameof(encoding));
        Directory.CreateDirectory(outFolder);
        IIndexRangePartitioner partitioner = plan.CreatePartitioner();
        var slots = new ResultSlots(shpPaths);
        var clock = Stopwatch.StartNew();
        if (plan.Mode == ExecutionMode.Processes)
        {
            launcher ??= WorkerLauncher.ForThisProgram();

            // Rounds: the plan's partitioner first; then the files a dead worker never started (under static blocks it owned
            // them all) go to as many fresh workers as survived, a file at a time, until none is left or no worker survives.
            int[] pending = [.. Enumerable.Range(0, shpPaths.Count)];
            IIndexRangePartitioner round = partitioner;
            while (pending.Length > 0 && !cancellationToken.IsCancellationRequested)
            {
                int survivors = 0;
                int[] items = pending;
                WorkDispatch.Run(round, items.Length, (worker, ranges) =>
                {
                    if (RunProcess(worker, ranges, items, shpPaths, outFolder, overwrite, encoding, slots, observer, launcher, cancellationToken))
                    {
                        Interlocked.Increment(ref survivors);
                    }
                });
                int[] left = [.. items.Where(i => !slots.IsSet(i))];
                if (left.Length == items.Length || survivors == 0)
                {
                    break;
                }

                pending = left;
                round = IndexRangePartitioners.DynamicChunks(1, survivors);
            }
        }
        else
        {
            WorkDispatch.Run(partitioner, shpPaths.Count, (worker, ranges) =>
            {
                foreach (IndexRange range in ranges)
                {
                    foreach (int i in WorkDispatch.Indices(range))
                    {
                        if (cancellationToken.IsCancellationRequested)
                        {
                            return;
                        }

                        observer?.FileStarted(worker, Path.GetFileName(shpPaths[i]));
                        FileResult result = ShapefileConverter.Convert(shpPaths[i], outFolder, overwrite, worker, textEncoding);
                        slots.Set(i, result);
                        observer?.FileCompleted(result);
                    }
                }
            });
        }

        string missing = cancellationToken.IsCancellationRequested
            ? "cancelled before it was converted"
            : "no worker converted it: every worker process that could take it had died";
        FileResult[] results = slots.Complete(missing);
        clock.Stop();
        return new ConversionReport(plan, partitioner.Name, results, clock.Elapsed);
    }

    // One pump per worker process: takes the worker's ranges from the partitioner one at a time (for dynamic chunks, only
    // when the child has answered the previous range), so the library's shared cursor balances processes as it does threads.
    // Work item k is file items[k]. Returns whether the child lived to the end.
    private static bool RunProcess(
        int worker,
        IEnumerable<IndexRange> ranges,
        int[] items,
        IReadOnlyList<string> shpPaths,
        string outFolder,
        bool overwrite,
        string? encoding,
        ResultSlots slots,
        IConversionObserver? observer,
        WorkerLauncher launcher,
        CancellationToken cancellationToken)
    {
        using WorkerProcess child = WorkerProcess.Start(launcher, outFolder, overwrite, encoding, worker);
        using CancellationTokenRegistration registration = cancellationToken.Register(child.Kill);
        // Checked before taking each range, never after: a range taken from the shared dynamic cursor by a dead worker would
        // be lost to the live ones (its files would wait for the next round).
        using IEnumerator<IndexRange> taking = ranges.GetEnumerator();
        while (!child.Died && !cancellationToken.IsCancellationRequested && taking.MoveNext())
        {
            int[] files = [.. WorkDispatch.Indices(taking.Current).Select(k => items[k])];
            child.Convert(
                [.. files.Select(i => shpPaths[i])],
                name => observer?.FileStarted(worker, name),
                (k, result) =>
                {
                    if (cancellationToken.IsCancellationRequested && result.Outcome == FileOutcome.Error && result.Worker == worker && child.Died)
                    {
                        return; // killed for cancellation: reported as cancelled
                    }

                    slots.Set(files[k], result);
                    observer?.FileCompleted(result);
                });
        }

        if (!child.Died)
        {
            child.Finish();
        }

        return !child.Died;
    }
}

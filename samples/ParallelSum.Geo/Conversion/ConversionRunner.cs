using System.Diagnostics;

namespace ParallelSum.Geo.Conversion;

/// <summary>
/// Converts a list of shapefiles with a <see cref="ConversionPlan"/>, on the library's engine (<see cref="FileWorkers"/>). Files
/// are work items <c>[0, count)</c> in the given order, one file per grain; the plan's library partitioner decides which files
/// each worker takes, at most the plan's worker count run at once, and every file ends with exactly one result.
/// </summary>
internal static class ConversionRunner
{
    private const string Cancelled = "cancelled before it was converted";

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
        ParallelSum.Execution.IndexRangePartitioner partitioner = plan.CreatePartitioner();
        var slots = new ResultSlots(shpPaths);
        var clock = Stopwatch.StartNew();

        void Record(int file, FileResult result)
        {
            slots.Set(file, result);
            observer?.FileCompleted(result);
        }

        try
        {
            if (plan.Mode == ExecutionMode.Processes)
            {
                launcher ??= WorkerLauncher.ForThisProgram();
                using var children = new WorkerProcessPool(plan.Workers, worker => WorkerProcess.Start(launcher, outFolder, overwrite, encoding, worker));
                FileWorkers.Run(
                    shpPaths.Count,
                    partitioner,
                    plan.Workers,
                    (worker, file) =>
                    {
                        // No result when the child was killed for cancellation: the file is reported as cancelled.
                        if (children.Convert(worker, shpPaths[file], name => observer?.FileStarted(worker, name), cancellationToken) is FileResult result)
                        {
                            Record(file, result);
                        }
                    },
                    cancellationToken);
                children.Finish();
            }
            else
            {
                FileWorkers.Run(
                    shpPaths.Count,
                    partitioner,
                    plan.Workers,
                    (worker, file) =>
                    {
                        observer?.FileStarted(worker, Path.GetFileName(shpPaths[file]));
                        Record(file, ShapefileConverter.Convert(shpPaths[file], outFolder, overwrite, worker, textEncoding));
                    },
                    cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The engine starts no file after cancellation; the files without a result are reported as cancelled below.
        }

        FileResult[] results = slots.Complete(Cancelled);
        clock.Stop();
        return new ConversionReport(plan, partitioner.Name, results, clock.Elapsed);
    }
}

using System.Diagnostics;

namespace ParallelSum.Geo.Conversion;

/// <summary>
/// Converts a list of shapefiles with a <see cref="ConversionPlan"/>: files are work items <c>[0, count)</c> in the given order,
/// shared among the plan's workers by <see cref="FileScheduler"/>, and every file ends with exactly one result.
/// </summary>
internal static class ConversionRunner
{
    /// <summary>The reason given to every file that cancellation stopped before it was converted.</summary>
    public const string Cancelled = "cancelled before it was converted";

    public static ConversionReport Run(
        IReadOnlyList<string> shpPaths,
        string outFolder,
        bool overwrite,
        ConversionPlan plan,
        IConversionObserver? observer = null,
        WorkerLauncher? launcher = null,
        string? encoding = null,
        bool keepCrs = false,
        CancellationToken cancellationToken = default)
    {
        System.Text.Encoding? textEncoding = encoding is null ? null : Shapefiles.CodePages.ByName(encoding)
            ?? throw new ArgumentException($"unknown encoding '{encoding}'", nameof(encoding));
        Directory.CreateDirectory(outFolder);
        var slots = new ResultSlots(shpPaths);
        var clock = Stopwatch.StartNew();

        void Record(int file, FileResult result)
        {
            // A file that cancellation stopped in hand has no result of its own: it is reported with the files never started.
            if (!(cancellationToken.IsCancellationRequested && result.Reason == Cancelled))
            {
                slots.Set(file, result);
                observer?.FileCompleted(result);
            }
        }

        if (plan.Mode == ExecutionMode.Processes)
        {
            launcher ??= WorkerLauncher.ForThisProgram();
            using var children = new WorkerProcessPool(plan.Workers, worker => WorkerProcess.Start(launcher, outFolder, overwrite, encoding, keepCrs, worker));
            FileScheduler.Run(
                shpPaths.Count,
                plan.Workers,
                plan.Partitioner,
                (worker, file) =>
                {
                    // No result when the child was stopped for cancellation: the file is reported as cancelled.
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
            FileScheduler.Run(
                shpPaths.Count,
                plan.Workers,
                plan.Partitioner,
                (worker, file) =>
                {
                    observer?.FileStarted(worker, Path.GetFileName(shpPaths[file]));
                    Record(file, ShapefileConverter.Convert(shpPaths[file], outFolder, overwrite, worker, textEncoding, keepCrs, cancellationToken));
                },
                cancellationToken);
        }

        FileResult[] results = slots.Complete(Cancelled);
        clock.Stop();
        return new ConversionReport(plan, plan.PartitionerName, results, clock.Elapsed);
    }
}

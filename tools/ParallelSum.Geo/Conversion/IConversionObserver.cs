namespace ParallelSum.Geo.Conversion;

/// <summary>Told about files as workers take and finish them; called from worker threads, so implementations must be thread-safe.</summary>
internal interface IConversionObserver
{
    void FileStarted(int worker, string name);

    void FileCompleted(FileResult result);
}

using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

/// <summary>An observer that calls the given actions: <paramref name="started"/> with each file's name as its worker takes it, <paramref name="completed"/> with each result.</summary>
internal sealed class CallbackObserver(Action<string>? started = null, Action<FileResult>? completed = null) : IConversionObserver
{
    public void FileStarted(int worker, string name) => started?.Invoke(name);

    public void FileCompleted(FileResult result) => completed?.Invoke(result);
}

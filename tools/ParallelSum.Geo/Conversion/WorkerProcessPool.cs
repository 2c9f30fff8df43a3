using System.ComponentModel;

namespace ParallelSum.Geo.Conversion;

/// <summary>
/// One live <see cref="WorkerProcess"/> per worker number, started when the number first converts a file and reused for every
/// file after, so a file costs one line to the child and one line back, never a new process. A child that dies is disposed and
/// forgotten; the number's next file starts a fresh one, so a dead child's files still to come are converted either way.
/// </summary>
/// <remarks>A worker number is used by one file at a time (<see cref="FileScheduler"/>), so each slot is touched by one thread at a
/// time; <see cref="Finish"/> and <see cref="Dispose"/> run after every file has returned.</remarks>
internal sealed class WorkerProcessPool(int workers, Func<int, WorkerProcess> start) : IDisposable
{
    private readonly WorkerProcess?[] _processes = new WorkerProcess?[workers];

    /// <summary>
    /// Has worker <paramref name="worker"/>'s child convert <paramref name="path"/>, starting the child if the number has none.
    /// A child that cannot be started, or dies on the file, gives the file an error result saying so. Cancellation kills the child
    /// converting the file; then there is no result (<see langword="null"/>): the file counts as not converted.
    /// </summary>
    public FileResult? Convert(int worker, string path, Action<string> fileStarted, CancellationToken cancellationToken)
    {
        WorkerProcess? child = _processes[worker];
        if (child is null)
        {
            try
            {
                child = _processes[worker] = start(worker);
            }
            catch (Exception e) when (e is Win32Exception or InvalidOperationException)
            {
                string name = Path.GetFileName(path);
                fileStarted(name);
                return FileResult.Failed(name, $"worker process {worker} could not be started: {e.Message}", worker, ShapefileFiles.InputBytes(path));
            }
        }

        FileResult result;
        using (cancellationToken.Register(child.Kill))
        {
            result = child.Convert(path, fileStarted);
        }

        if (!child.Died)
        {
            return result;
        }

        child.Dispose();
        _processes[worker] = null;
        return cancellationToken.IsCancellationRequested ? null : result;
    }

    /// <summary>Closes every live child's input and waits for it to exit.</summary>
    public void Finish()
    {
        foreach (WorkerProcess? child in _processes)
        {
            child?.Finish();
        }
    }

    /// <summary>Kills any child still running (after <see cref="Finish"/>, none is) and releases them all.</summary>
    public void Dispose()
    {
        for (int i = 0; i < _processes.Length; i++)
        {
            _processes[i]?.Dispose();
            _processes[i] = null;
        }
    }
}

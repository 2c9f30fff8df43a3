using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ParallelSum.Geo.Conversion;

/// <summary>
/// One child process running the hidden <c>worker</c> command. The protocol: this side writes input paths to the child's
/// stdin, each as a JSON string on a line of its own (so a path may hold any character, a line break included); the child
/// converts them in order and writes one JSON <see cref="FileResult"/> a line to stdout; it exits when stdin closes, and
/// also when its parent dies (it watches the parent's process id). Its stderr is kept (last lines) to explain a crash.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int StderrLinesKept = 5;
    private readonly Process _process;
    private readonly int _worker;
    private readonly string _outFolder;
    private readonly ConcurrentQueue<string> _stderr = new();

    private WorkerProcess(Process process, int worker, string outFolder)
    {
        _process = process;
        _worker = worker;
        _outFolder = outFolder;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _stderr.Enqueue(e.Data);
                while (_stderr.Count > StderrLinesKept && _stderr.TryDequeue(out string? _))
                {
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Gets whether the child is known to have died (it closed its stdout before answering every file).</summary>
    public bool Died { get; private set; }

    public static WorkerProcess Start(WorkerLauncher launcher, string outFolder, bool overwrite, string? encoding, int worker)
    {
        var start = new ProcessStartInfo(launcher.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (string argument in launcher.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string argument in new[] { "worker", "--out", outFolder, "--worker-id", worker.ToString(CultureInfo.InvariantCulture), "--parent", Environment.ProcessId.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (overwrite)
        {
            start.ArgumentList.Add("--overwrite");
        }

        if (encoding is not null)
        {
            start.ArgumentList.Add("--encoding");
            start.ArgumentList.Add(encoding);
        }

        foreach ((string name, string value) in launcher.Environment)
        {
            start.Environment[name] = value;
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start worker process {worker} ({launcher.FileName}).");
        return new WorkerProcess(process, worker, outFolder);
    }

    /// <summary>
    /// Has the child convert <paramref name="paths"/> in order. <paramref name="fileStarted"/> is told when each file is
    /// sent to work (the previous one's result has arrived); <paramref name="fileDone"/> gets each result as it arrives.
    /// If the child dies, the file it was converting gets an error result naming the worker, its exit code and its last stderr
    /// line, the files after it get no result (they were never started), and <see cref="Died"/> becomes true.
    /// </summary>
    public void Convert(IReadOnlyList<string> paths, Action<string> fileStarted, Action<int, FileResult> fileDone)
    {
        // Written from another task: a long list must not fill the stdin pipe while the child blocks on a full stdout pipe.
        Task writer = Task.Run(() =>
        {
            foreach (string path in paths)
            {
                _process.StandardInput.WriteLine(JsonSerializer.Serialize(path));
            }

            _process.StandardInput.Flush();
        });

        for (int i = 0; i < paths.Count && !Died; i++)
        {
            string expected = Path.GetFileName(paths[i]);
            fileStarted(expected);
            string? line = _process.StandardOutput.ReadLine();
            if (line is null)
            {
                // The file in flight is the one the child died on; the files after it were never started and get no result
                // here, so the caller can hand them to a live worker.
                Died = true;
                fileDone(i, FileResult.Failed(expected, CrashReason(), _worker, ShapefileFiles.InputBytes(paths[i])));
                break;
            }

            FileResult result = JsonSerializer.Deserialize<FileResult>(line)
                ?? throw new InvalidOperationException($"Worker process {_worker} printed an empty result line.");
            if (result.Name != expected)
            {
                throw new InvalidOperationException($"Worker process {_worker} answered for {result.Name} when {expected} was next: protocol broken.");
            }

            fileDone(i, result);
        }

        try
        {
            writer.Wait();
        }
        catch (AggregateException e) when (Died && e.InnerException is IOException)
        {
            // The child died with lines still to write: a broken pipe, already reported per file.
        }
    }

    /// <summary>Closes the child's stdin and waits for it to exit.</summary>
    /// <returns>The child's exit code.</returns>
    public int Finish()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Kills the child (and anything it started), for cancellation.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private string CrashReason()
    {
        string code;
        if (_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            code = $"exited with code {_process.ExitCode}";
        }
        else
        {
            Kill();
            code = "closed its output and was killed";
        }

        _process.WaitForExit(); // lets the stderr reader drain

        // A killed child cannot clean up after itself: its temporary file (named by its process id) goes here.
        Cli.WorkerCommand.RemoveTemporaries(_outFolder, _worker, _process.Id);
        string last = _stderr.LastOrDefault(l => !string.IsNullOrWhiteSpace(l)) is string line ? $": {line.Trim()}" : "";
        return $"worker process {_worker} {code} before converting it{last}";
    }
}

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
    private readonly string _outFolder;
    private readonly ConcurrentQueue<string> _stderr = new();

    private WorkerProcess(Process process, int worker, string outFolder)
    {
        _process = process;
        Number = worker;
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

    /// <summary>Gets the worker number the child was started with (its <c>--worker-id</c>).</summary>
    public int Number { get; }

    /// <summary>Gets whether the child is known to have died (it closed its stdout, or its stdin broke, before answering a file).</summary>
    public bool Died { get; private set; }

    public static WorkerProcess Start(WorkerLauncher launcher, string outFolder, bool overwrite, string? encoding, bool keepCrs, int worker)
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

        if (keepCrs)
        {
            start.ArgumentList.Add("--keep-crs");
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
    /// Has the child convert <paramref name="path"/>: one JSON line out, one result line back. <paramref name="fileStarted"/> is
    /// told just before the path is sent. If the child dies before answering (or is found gone when the path is sent), the file
    /// gets an error result naming the worker, the child's exit code and its last stderr line, and <see cref="Died"/> becomes true.
    /// </summary>
    /// <exception cref="InvalidOperationException">The child has died already, or its answer broke the protocol.</exception>
    public FileResult Convert(string path, Action<string> fileStarted)
    {
        if (Died)
        {
            throw new InvalidOperationException($"Worker process {Number} has died; start a new one.");
        }

        string expected = Path.GetFileName(path);
        fileStarted(expected);
        string? line;
        try
        {
            // One path in flight at a time: the child reads the whole line before it writes its answer, so neither pipe can fill.
            _process.StandardInput.WriteLine(JsonSerializer.Serialize(path, ToolJson.Default.String));
            _process.StandardInput.Flush();
            line = _process.StandardOutput.ReadLine();
        }
        catch (IOException)
        {
            line = null; // a broken pipe: the child is gone
        }

        if (line is null)
        {
            Died = true;
            return FileResult.Failed(expected, CrashReason(), Number, ShapefileFiles.InputBytes(path));
        }

        FileResult result = JsonSerializer.Deserialize(line, ToolJson.Default.FileResult)
            ?? throw new InvalidOperationException($"Worker process {Number} printed an empty result line.");
        return result.Name == expected
            ? result
            : throw new InvalidOperationException($"Worker process {Number} answered for {result.Name} when {expected} was next: protocol broken.");
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
        Cli.WorkerCommand.RemoveTemporaries(_outFolder, Number, _process.Id);
        string last = _stderr.LastOrDefault(l => !string.IsNullOrWhiteSpace(l)) is string line ? $": {line.Trim()}" : "";
        return $"worker process {Number} {code} before converting it{last}";
    }
}

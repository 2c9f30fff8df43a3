using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ParallelSum.Tests.Support;

namespace ParallelSum.Orleans.Tests;

/// <summary>A child process (redis-server or the silo sample) whose output is collected; disposing kills its whole tree.</summary>
internal sealed class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private SampleProcess(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The tests send SIGINT; a test run started in the background must not leave it ignored in the child.
        _process = new Process { StartInfo = DefaultSignalActions.Restore(start) };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _lines.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _lines.Enqueue("stderr: " + e.Data); } };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What the sample's <c>sum</c> prints on stderr once the request has started on the silos: the strategy's event 6.</summary>
    public const string RequestStarted = "ParallelSum.Orleans.DistributedStrategy[6]";

    public static string SiloDll => Path.Combine(AppContext.BaseDirectory, "ParallelSum.Silo.dll");

    public static string ExperimentDll => Path.Combine(AppContext.BaseDirectory, "ParallelSum.Experiment.dll");

    public string Output => string.Join(Environment.NewLine, _lines);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    /// <summary>Sends a signal by name (STOP, CONT, KILL, TERM, INT) with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit(10_000);
    }

    /// <summary>The <c>--connect-timeout</c> the tests give a client that must connect: a deadline against a hang, not a speed
    /// claim, so long that a heavily loaded machine still connects in time (the sample's default is 20 s).</summary>
    public const string ConnectTimeoutSeconds = "120";

    /// <summary>How long the tests wait for a process to print a line or exit: a deadline against a hang, longer than
    /// <see cref="ConnectTimeoutSeconds"/>.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    public static SampleProcess Start(string fileName, params string[] arguments) => new(fileName, arguments);

    /// <summary>Starts the silo sample (ParallelSum.Silo.dll next to the tests) with the given arguments.</summary>
    public static SampleProcess StartSample(params string[] arguments) => new("dotnet", [SiloDll, .. arguments]);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited || clock.Elapsed > timeout)
            {
                throw new TimeoutException($"'{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)}' did not print '{text}' within {timeout} (exited: {_process.HasExited}). Output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"'{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)}' did not exit within {timeout}. Output:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}

using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ParallelSum.Experiment.Tests;

/// <summary>
/// A headless Chromium (Debian's <c>chromium</c> package) driven over the DevTools protocol on a loopback port: load a page,
/// collect what its console and the browser's log report as errors or warnings, evaluate script in it, and take a
/// full-page screenshot. The browser runs in a throwaway profile folder and is killed, with that folder deleted, on dispose.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _browser;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly List<string> _problems = [];
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> _pending = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _reader;
    private int _nextId;

    private HeadlessChromium(Process browser, string profile)
    {
        _browser = browser;
        _profile = profile;
    }

    /// <summary>The browser's program, or <see langword="null"/> when none is installed.</summary>
    public static string? Program => Candidates.FirstOrDefault(File.Exists);

    // Where Debian's chromium package (and Ubuntu's older chromium-browser) put the program.
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <summary>Console errors and warnings, uncaught exceptions and failed loads, each as one line, since the last <see cref="LoadAsync"/>.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_gate)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Starts the browser with one blank page and connects to that page.</summary>
    public static async Task<HeadlessChromium> StartAsync(CancellationToken cancellationToken)
    {
        string program = Program ?? throw new InvalidOperationException("chromium is not installed");
        string profile = Directory.CreateTempSubdirectory("parallelsum-chromium-").FullName;
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start. Port 0: the browser picks a free port and
        // names it on stderr ("DevTools listening on ws://127.0.0.1:PORT/…").
        foreach (string argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "--window-size=1280,900", "about:blank"])
        {
            start.ArgumentList.Add(argument);
        }

        Process browser = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var chromium = new HeadlessChromium(browser, profile);
        try
        {
            _ = browser.StandardOutput.ReadToEndAsync(CancellationToken.None);
            int port = 0;
            while (port == 0)
            {
                string line = await browser.StandardError.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"{program} ended (exit code {(browser.HasExited ? browser.ExitCode : -1)}) before it named its DevTools port");
                if (DevToolsLine().Match(line) is { Success: true } match)
                {
                    port = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            _ = browser.StandardError.ReadToEndAsync(CancellationToken.None);
            using var http = new HttpClient();
            JsonArray targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), cancellationToken).ConfigureAwait(false))!.AsArray();
            string page = targets.First(t => (string?)t!["type"] == "page")!["webSocketDebuggerUrl"]!.GetValue<string>();
            await chromium._socket.ConnectAsync(new Uri(page), cancellationToken).ConfigureAwait(false);
            chromium._reader = chromium.ReadAsync();
            await chromium.SendAsync("Runtime.enable", null, cancellationToken).ConfigureAwait(false);
            await chromium.SendAsync("Log.enable", null, cancellationToken).ConfigureAwait(false);
            await chromium.SendAsync("Page.enable", null, cancellationToken).ConfigureAwait(false);
            return chromium;
        }
        catch
        {
            await chromium.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Loads <paramref name="url"/> and waits for its load event; clears <see cref="Problems"/> first.</summary>
    public async Task LoadAsync(string url, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _problems.Clear();
            _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        JsonNode navigated = await SendAsync("Page.navigate", new JsonObject { ["url"] = url }, cancellationToken).ConfigureAwait(false);
        if ((string?)navigated["errorText"] is { Length: > 0 } error)
        {
            lock (_gate)
            {
                _problems.Add($"navigation to {url} failed: {error}");
            }

            return;
        }

        await _loaded.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value, as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        JsonNode result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, cancellationToken).ConfigureAwait(false);
        if (result["exceptionDetails"] is JsonNode exception)
        {
            throw new InvalidOperationException($"{expression} threw: {exception.ToJsonString()}");
        }

        return result["result"]?["value"];
    }

    /// <summary>A PNG of the whole page, not only the window.</summary>
    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        JsonNode metrics = await SendAsync("Page.getLayoutMetrics", null, cancellationToken).ConfigureAwait(false);
        JsonNode size = metrics["cssContentSize"]!;
        var clip = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = size["width"]!.GetValue<double>(), ["height"] = size["height"]!.GetValue<double>(), ["scale"] = 1 };
        JsonNode shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["clip"] = clip, ["captureBeyondViewport"] = true }, cancellationToken).ConfigureAwait(false);
        return Convert.FromBase64String(shot["data"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (!_browser.HasExited)
            {
                _browser.Kill(entireProcessTree: true);
                await _browser.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        if (_reader is not null)
        {
            await Task.WhenAny(_reader, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        }

        _socket.Dispose();
        _browser.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A file the browser was still closing; the system's temp cleaning takes it later.
        }
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_gate)
        {
            id = ++_nextId;
            _pending[id] = reply;
        }

        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        return await reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                WebSocketReceiveResult received = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                JsonNode node = JsonNode.Parse(message.ToArray())!;
                message.SetLength(0);
                Handle(node);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The browser is being closed.
        }
        finally
        {
            lock (_gate)
            {
                foreach (TaskCompletionSource<JsonNode> pending in _pending.Values)
                {
                    pending.TrySetException(new InvalidOperationException("the browser's DevTools connection closed"));
                }
            }
        }
    }

    private void Handle(JsonNode node)
    {
        if (node["id"] is JsonNode idNode)
        {
            TaskCompletionSource<JsonNode>? reply;
            lock (_gate)
            {
                _pending.Remove(idNode.GetValue<int>(), out reply);
            }

            if (node["error"] is JsonNode error)
            {
                reply?.TrySetException(new InvalidOperationException(error.ToJsonString()));
            }
            else
            {
                reply?.TrySetResult(node["result"] ?? new JsonObject());
            }

            return;
        }

        JsonNode? parameters = node["params"];
        string? problem = (string?)node["method"] switch
        {
            "Page.loadEventFired" => Loaded(),
            "Runtime.consoleAPICalled" when (string?)parameters?["type"] is "error" or "warning" or "assert" =>
                $"console.{parameters!["type"]}: {string.Join(' ', parameters["args"]!.AsArray().Select(a => a?["value"]?.ToString() ?? a?["description"]?.ToString()))}",
            "Runtime.exceptionThrown" => $"uncaught: {parameters?["exceptionDetails"]?["exception"]?["description"] ?? parameters?["exceptionDetails"]?["text"]}",
            "Log.entryAdded" when (string?)parameters?["entry"]?["level"] is "error" or "warning" =>
                $"log {parameters!["entry"]!["level"]} ({parameters["entry"]!["source"]}): {parameters["entry"]!["text"]} {parameters["entry"]!["url"]}",
            _ => null,
        };
        if (problem is not null)
        {
            lock (_gate)
            {
                _problems.Add(problem);
            }
        }
    }

    private string? Loaded()
    {
        _loaded.TrySetResult();
        return null;
    }

    [GeneratedRegex(@"DevTools listening on ws://127\.0\.0\.1:(\d+)/")]
    private static partial Regex DevToolsLine();
}

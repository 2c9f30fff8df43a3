using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using ParallelSum.Experiment.Plotting;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>
/// A signal during <c>plot</c> ends it with a line saying it was cancelled and exit code 130, and leaves no chart
/// half-written: every chart file present is complete, and no temporary file is left.
/// </summary>
public sealed class PlotSignalTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>How many runs may finish before the signal arrives (an idle machine can draw the charts faster than the
    /// test's signal gets there) before the test gives up on landing one.</summary>
    private const int Attempts = 4;

    [Theory]
    [InlineData(PosixSignal.Terminate)]
    [InlineData(PosixSignal.Interrupt)]
    public async Task SignalDuringPlot_SaysCancelled_Exit130_NoChartHalfWritten(int signal)
    {
        using var folder = new TempFolder();
        string results = folder.File("many.jsonl");
        WriteManyResults(results);

        var finishedFirst = new List<string>();
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            string charts = folder.File($"charts-{attempt}");
            using Process plot = ProgramRun.Start("plot", results, "--out", charts);
            Task<string> error = plot.StandardError.ReadToEndAsync();
            string? first = await plot.StandardOutput.ReadLineAsync().WaitAsync(Deadline);
            Assert.StartsWith("chart: ", first, StringComparison.Ordinal);

            bool sent = PosixSignal.TrySend(plot.Id, signal);
            Task<string> rest = plot.StandardOutput.ReadToEndAsync();
            await plot.WaitForExitAsync().WaitAsync(Deadline);
            string[] files = Directory.GetFiles(charts);
            Assert.All(files, file => Assert.DoesNotContain(".tmp", file, StringComparison.Ordinal));
            AssertEveryChartWhole(files);

            if (plot.ExitCode == 0 && files.Length == ChartSet.Names.Count * 2)
            {
                // Every chart was drawn before the signal arrived (or it found the process gone): this run says nothing
                // about a signal during the plot, so try again. A plot that ignores the signal ends here every time.
                finishedFirst.Add($"run {attempt}: exit 0, signal {(sent ? "sent" : "found the process gone")}, {files.Length} charts");
                continue;
            }

            Assert.True(sent, $"the signal found the process gone, yet it did not draw every chart: exit {plot.ExitCode}; {await error}");
            Assert.Equal(130, plot.ExitCode);
            Assert.Contains("plot cancelled after", await error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", await error, StringComparison.Ordinal);
            Assert.True(files.Length < ChartSet.Names.Count * 2, $"the signal should have stopped the plot before its last chart: {string.Join(", ", files)}; {await rest}");
            return;
        }

        Assert.Fail($"no run of {Attempts} was still drawing when the signal arrived: {string.Join("; ", finishedFirst)}");
    }

    /// <summary>Many series and points, so that each chart takes a while to draw and the signal lands while charts
    /// remain.</summary>
    private static void WriteManyResults(string path)
    {
        using var writer = new StreamWriter(path);
        for (int s = 0; s < ResultLimits.MaxSeries; s++)
        {
            for (int e = 300; e < 1000; e++)
            {
                long count = (long)Math.Pow(10, e / 100.0);
                writer.Write(JsonSerializer.Serialize(new TrialResult
                {
                    Sweep = "s", Host = "h", Cores = 2, Strategy = $"series-{s}", Count = count, Repetitions = 1,
                    Seconds = count * 1e-9 * (s + 1), ValuesPerSecond = 1e9 / (s + 1), PeakWorkingSetBytes = (40L << 20) * (s + 1), Sum = "1",
                }));
                writer.Write('\n');
            }
        }
    }

    private static void AssertEveryChartWhole(string[] charts)
    {
        foreach (string chart in charts)
        {
            if (chart.EndsWith(".png", StringComparison.Ordinal))
            {
                byte[] png = File.ReadAllBytes(chart);
                Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(png, png.Length - 8, 4));
            }
            else
            {
                Assert.Equal("svg", XDocument.Load(chart).Root!.Name.LocalName);
            }
        }
    }
}

using System.Diagnostics;
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

    [Theory]
    [InlineData(PosixSignal.Terminate)]
    [InlineData(PosixSignal.Interrupt)]
    public async Task SignalDuringPlot_SaysCancelled_Exit130_NoChartHalfWritten(int signal)
    {
        using var folder = new TempFolder();
        string results = folder.File("many.jsonl");
        // Many series and points: each chart takes a while to draw, so the signal lands while charts remain.
        for (int s = 0; s < ResultLimits.MaxSeries; s++)
        {
            for (int e = 30; e <= 120; e++)
            {
                long count = (long)Math.Pow(10, e / 10.0);
                ResultsFile.Append(results, new TrialResult
                {
                    Sweep = "s", Host = "h", Cores = 2, Strategy = $"series-{s}", Count = count, Repetitions = 1,
                    Seconds = count * 1e-9 * (s + 1), ValuesPerSecond = 1e9 / (s + 1), PeakWorkingSetBytes = (40L << 20) * (s + 1), Sum = "1",
                });
            }
        }

        using Process plot = ProgramRun.Start("plot", results, "--out", folder.File("charts"));
        Task<string> error = plot.StandardError.ReadToEndAsync();
        string? first = await plot.StandardOutput.ReadLineAsync().WaitAsync(Deadline);
        Assert.StartsWith("chart: ", first, StringComparison.Ordinal);

        PosixSignal.Send(plot.Id, signal);
        Task<string> rest = plot.StandardOutput.ReadToEndAsync();
        await plot.WaitForExitAsync().WaitAsync(Deadline);

        Assert.Equal(130, plot.ExitCode);
        Assert.Contains("plot cancelled after", await error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await error, StringComparison.Ordinal);
        string[] charts = Directory.GetFiles(folder.File("charts"));
        Assert.All(charts, file => Assert.DoesNotContain(".tmp", file, StringComparison.Ordinal));
        Assert.True(charts.Length < ChartSet.Names.Count * 2, $"the signal should have stopped the plot before its last chart: {string.Join(", ", charts)}; {await rest}");
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

using System.Globalization;
using ParallelSum.Experiment.Sweep;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ParallelSum.Experiment.Plotting;

/// <summary>
/// Renders sweep results as three log–log charts, each as PNG and SVG: time against count (memory errors marked where and
/// when they struck), peak memory against count, and values per second against count. One series per strategy (and
/// partitioning); when the results come from more than one machine or memory cap, the series names say which.
/// </summary>
internal static class ChartSet
{
    /// <summary>The file names (without extension) of the charts, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> Names = ["time-vs-count", "memory-vs-count", "rate-vs-count"];

    private const int Width = 900;
    private const int Height = 560;

    /// <summary>Writes the charts into <paramref name="folder"/>; returns the paths written.</summary>
    /// <exception cref="ArgumentException">There is no trial in <paramref name="results"/> to plot.</exception>
    public static IReadOnlyList<string> Render(IReadOnlyList<TrialResult> results, string folder)
    {
        TrialResult[] trials = [.. results.Where(r => r.Kind == TrialResult.TrialKind && r.Strategy is not null)];
        if (trials.Length == 0)
        {
            throw new ArgumentException("There are no trials to plot.", nameof(results));
        }

        // ScottPlot picks a serif face by default on Linux; name the sans face Debian ships (fonts-dejavu-core).
        Fonts.Default = "DejaVu Sans";
        Directory.CreateDirectory(folder);
        bool nameSources = trials.Select(Source).Distinct().Count() > 1;
        IGrouping<string, TrialResult>[] series = [.. trials
            .GroupBy(r => nameSources ? $"{r.Series} ({Source(r)})" : r.Series)];

        var written = new List<string>();
        written.AddRange(Save(Chart(series, "Time to generate and sum N values", "seconds", r => r.Seconds, markFailures: true), folder, Names[0]));
        written.AddRange(Save(Chart(series, "Peak memory of the trial's process", "peak working set (bytes)", r => r.PeakWorkingSetBytes, markFailures: true, failuresAtCap: true), folder, Names[1]));
        written.AddRange(Save(Chart(series, "Throughput", "values per second", r => r.ValuesPerSecond, markFailures: false), folder, Names[2]));
        return written;
    }

    private static string Source(TrialResult r) =>
        r.MemoryLimitBytes is long cap ? $"{r.Host}, {r.Cores} cores, heap cap {ByteSize.Format(cap)}" : $"{r.Host}, {r.Cores} cores";

    private static Plot Chart(IEnumerable<IGrouping<string, TrialResult>> series, string title, string yLabel, Func<TrialResult, double?> y, bool markFailures, bool failuresAtCap = false)
    {
        var plot = new Plot();
        bool failureInLegend = false;
        int seriesIndex = 0;
        foreach (IGrouping<string, TrialResult> group in series)
        {
            // The last result per count wins, so a file holding two runs of one series still draws one line.
            TrialResult[] points = [.. group.GroupBy(r => r.Count).Select(g => g.Last()).OrderBy(r => r.Count)];
            (double X, double Y)[] ok = [.. points
                .Where(r => r.Outcome == TrialOutcome.Ok && y(r) is > 0)
                .Select(r => (Math.Log10(r.Count), Math.Log10(y(r)!.Value)))];
            Color color = plot.Add.Palette.GetColor(seriesIndex++);
            if (ok.Length > 0)
            {
                var line = plot.Add.Scatter(ok.Select(p => p.X).ToArray(), ok.Select(p => p.Y).ToArray(), color);
                line.LegendText = group.Key;
                line.LineWidth = 2;
                line.MarkerSize = 6;
            }

            if (!markFailures)
            {
                continue;
            }

            // A memory error is marked in its series' colour: on the time chart after how long it struck, on the memory
            // chart at the cap it hit (its own peak is small when the failing allocation was refused before any page was touched).
            (double X, double Y)[] failures = [.. points
                .Where(r => r.Outcome == TrialOutcome.MemoryError)
                .Select(r => (r.Count, Y: failuresAtCap && r.MemoryLimitBytes is long cap ? Math.Max(cap, y(r) ?? 0) : y(r)))
                .Where(p => p.Y is > 0)
                .Select(p => (Math.Log10(p.Count), Math.Log10(p.Y!.Value)))];
            if (failures.Length > 0)
            {
                var marks = plot.Add.Markers(failures.Select(p => p.X).ToArray(), failures.Select(p => p.Y).ToArray(), MarkerShape.Eks, 16, color);
                marks.MarkerLineWidth = 3;
                if (!failureInLegend)
                {
                    marks.LegendText = "memory error (× in the series' colour)";
                    failureInLegend = true;
                }
            }
        }

        if (failuresAtCap)
        {
            foreach (long cap in series.SelectMany(g => g).Select(r => r.MemoryLimitBytes).OfType<long>().Distinct())
            {
                var limit = plot.Add.HorizontalLine(Math.Log10(cap), 1, Colors.Gray, LinePattern.Dashed);
                limit.LegendText = $"managed heap cap {ByteSize.Format(cap)}";
            }
        }

        plot.Title(title);
        plot.XLabel("count N (values)");
        plot.YLabel(yLabel);
        plot.Axes.Bottom.TickGenerator = LogTicks();
        plot.Axes.Left.TickGenerator = LogTicks();
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);
        plot.Grid.MinorLineWidth = 1;
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = exponent => Math.Pow(10, exponent).ToString("0.#E+0", CultureInfo.InvariantCulture),
    };

    private static string[] Save(Plot plot, string folder, string name)
    {
        string png = Path.Combine(folder, name + ".png");
        string svg = Path.Combine(folder, name + ".svg");
        plot.SavePng(png, Width, Height);
        plot.SaveSvg(svg, Width, Height);
        return [png, svg];
    }
}

using System.Globalization;
using ParallelSum.Experiment.Sweep;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ParallelSum.Experiment.Plotting;

/// <summary>
/// Renders sweep results as three log–log charts, each as PNG and SVG: time against count, peak memory against count, and
/// values per second against count. One series per strategy (and partitioning), each with its own colour, marker and line
/// pattern so that series lying on top of each other stay visible; every trial that did not end <c>ok</c> is marked in its
/// series' colour with a shape per outcome; axes are in human units; the legend sits outside the data; a caption under
/// each chart names the machine, operating system, runtime, date and command that produced the figures.
/// </summary>
internal static class ChartSet
{
    /// <summary>The file names (without extension) of the charts, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> Names = ["time-vs-count", "memory-vs-count", "rate-vs-count"];

    /// <summary>The legend text of each outcome that is not <c>ok</c>, as it appears on the charts.</summary>
    public static readonly IReadOnlyDictionary<string, string> FailureLegend = new Dictionary<string, string>
    {
        [TrialOutcome.MemoryError] = "× memory error",
        [TrialOutcome.Timeout] = "▲ timeout",
        [TrialOutcome.Crash] = "✱ crash",
    };

    /// <summary>The most caption lines a chart carries; results from more sweeps are counted on the last line.</summary>
    public const int MaxCaptionLines = 4;

    /// <summary>The most cap lines a memory chart draws.</summary>
    private const int MaxCapLines = 8;

    private const int Width = 1100;
    private const int Height = 600;

    private static readonly MarkerShape[] SeriesMarkers =
        [MarkerShape.FilledCircle, MarkerShape.OpenSquare, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.FilledSquare, MarkerShape.OpenDiamond];

    private static readonly LinePattern[] SeriesLines = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    private static readonly Dictionary<string, MarkerShape> FailureMarkers = new()
    {
        [TrialOutcome.MemoryError] = MarkerShape.Eks,
        [TrialOutcome.Timeout] = MarkerShape.FilledTriangleUp,
        [TrialOutcome.Crash] = MarkerShape.Asterisk,
    };

    /// <summary>Writes the charts into <paramref name="folder"/>; returns the paths written.</summary>
    /// <param name="results">The results to plot; trials are drawn, and each sweep's idle line gives the caption.</param>
    /// <param name="folder">Where the charts go.</param>
    /// <param name="caption">The caption to print instead of the one the results record, for results that recorded none.</param>
    /// <param name="written">Told each file's path as soon as it is complete.</param>
    /// <param name="cancellationToken">Checked before each file: a cancelled render stops between files. Each file is written
    /// under a temporary name and renamed when complete, so a chart is either whole or absent, never half-written.</param>
    /// <exception cref="ArgumentException">There is no trial in <paramref name="results"/> to plot.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the files already renamed stay, no temporary file does.</exception>
    public static IReadOnlyList<string> Render(IReadOnlyList<TrialResult> results, string folder, string? caption = null, Action<string>? written = null, CancellationToken cancellationToken = default)
    {
        TrialResult[] trials = [.. results.Where(r => r.Kind == TrialResult.TrialKind && r.Strategy is not null)];
        if (trials.Length == 0)
        {
            throw new ArgumentException("There are no trials to plot.", nameof(results));
        }

        // ScottPlot picks a serif face by default on Linux; name the sans face Debian ships (fonts-dejavu-core).
        Fonts.Default = "DejaVu Sans";
        Directory.CreateDirectory(folder);
        Func<TrialResult, string> name = SeriesNames(trials);
        IGrouping<string, TrialResult>[] series = [.. trials.GroupBy(name)];
        caption ??= Caption(results);

        var files = new List<string>();
        void Write(string name, Func<Plot> chart)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Plot plot = chart();
            foreach (string file in Save(plot, folder, name, cancellationToken))
            {
                files.Add(file);
                written?.Invoke(file);
            }
        }

        Write(Names[0], () => Chart(series, "Time to generate and sum N values", "time", r => r.Seconds ?? (r.Outcome == TrialOutcome.Ok ? null : r.WallSeconds), Axis.Seconds, caption, markFailures: true));
        Write(Names[1], () => Chart(series, "Peak memory of the trial's processes (a pool's workers added up)", "peak working set", r => r.PeakWorkingSetBytes, Axis.Bytes, caption, markFailures: true, failuresAtCap: true));
        Write(Names[2], () => Chart(series, "Throughput", "values per second", r => r.ValuesPerSecond, Axis.Rate, caption, markFailures: false));
        return files;
    }

    /// <summary>The longest name the series of <paramref name="result"/> can get when results from several sources are
    /// plotted together: its strategy, partitioning and pool, and everything about where it ran.</summary>
    public static string SeriesWithSource(TrialResult result) => $"{result.Series} ({string.Join(", ", SourceParts(result))})";

    /// <summary>
    /// How the charts name each trial's series: by strategy, partitioning and pool alone when the results come from one
    /// sweep on one machine; otherwise followed by what tells the sources apart — the host, the cores, the per-process cap
    /// or the total cap, whichever of them differ (and only those).
    /// </summary>
    public static Func<TrialResult, string> SeriesNames(IReadOnlyList<TrialResult> trials)
    {
        if (trials.Select(r => (r.Sweep, r.Host)).Distinct().Count() <= 1)
        {
            return r => r.Series;
        }

        // Each source's parts; a part is named only where the sources differ in it.
        var sources = trials.GroupBy(r => (r.Sweep, r.Host)).ToDictionary(g => g.Key, g => SourceParts(g.First()));
        bool[] differs = [.. Enumerable.Range(0, SourcePartCount).Select(i => sources.Values.Select(p => p[i]).Distinct().Count() > 1)];
        return r =>
        {
            string[] parts = [.. sources[(r.Sweep, r.Host)].Where((_, i) => differs[i])];
            return parts.Length == 0 ? r.Series : $"{r.Series} ({string.Join(", ", parts)})";
        };
    }

    /// <summary>The caption line of every chart: each sweep's machine, runtime, date and command (one line per machine when
    /// the results come from several, at most <see cref="MaxCaptionLines"/>), or a note that the results did not record them.</summary>
    public static string Caption(IReadOnlyList<TrialResult> results)
    {
        string[] lines = [.. results
            .Where(r => r.Kind == TrialResult.IdleKind && r.Machine is not null)
            .Select(r => r.Machine!.Caption(r.FinishedAt))
            .Distinct()];
        return lines.Length switch
        {
            0 => "machine, runtime and command not recorded in these results",
            <= MaxCaptionLines => string.Join("\n", lines),
            _ => string.Join("\n", lines.Take(MaxCaptionLines - 1)) + $"\nand {lines.Length - MaxCaptionLines + 1} more sweeps on other machines or days",
        };
    }

    private enum Axis
    {
        Seconds,
        Bytes,
        Rate,
    }

    private const int SourcePartCount = 4;

    // Where a trial ran: host, cores, per-process cap, total cap (SourcePartCount parts, always in this order).
    private static string[] SourceParts(TrialResult r) =>
    [
        r.Host,
        $"{r.Cores} cores",
        r.MemoryLimitBytes is long cap ? $"heap cap {ByteSize.Format(cap)} per process" : "no heap cap",
        r.TotalMemoryLimitBytes is long total ? $"total cap {ByteSize.Format(total)}" : "no total cap",
    ];

    private static Plot Chart(IEnumerable<IGrouping<string, TrialResult>> series, string title, string yLabel, Func<TrialResult, double?> y, Axis axis, string caption, bool markFailures, bool failuresAtCap = false)
    {
        var plot = new Plot();
        var failuresShown = new HashSet<string>();
        var yValues = new List<double>();
        int seriesIndex = 0;
        foreach (IGrouping<string, TrialResult> group in series)
        {
            // The last result per count wins, so a file holding two runs of one series still draws one line.
            TrialResult[] points = [.. group.GroupBy(r => r.Count).Select(g => g.Last()).OrderBy(r => r.Count)];
            (double X, double Y)[] ok = [.. points
                .Where(r => r.Outcome == TrialOutcome.Ok && y(r) is > 0)
                .Select(r => (Math.Log10(r.Count), Math.Log10(y(r)!.Value)))];
            Color color = plot.Add.Palette.GetColor(seriesIndex);
            if (ok.Length > 0)
            {
                var line = plot.Add.Scatter(ok.Select(p => p.X).ToArray(), ok.Select(p => p.Y).ToArray(), color.WithAlpha(0.85));
                line.LegendText = group.Key;
                // Later series are drawn thinner, with their own marker and dash, so one lying on another (auto on
                // streaming, say) still shows both.
                line.LineWidth = Math.Max(1.5f, 3.5f - (0.5f * seriesIndex));
                line.LinePattern = SeriesLines[seriesIndex % SeriesLines.Length];
                line.MarkerShape = SeriesMarkers[seriesIndex % SeriesMarkers.Length];
                line.MarkerSize = Math.Max(5, 10 - seriesIndex);
                yValues.AddRange(ok.Select(p => p.Y));
            }

            seriesIndex++;
            if (!markFailures)
            {
                continue;
            }

            // A failed trial is marked in its series' colour, with a shape per outcome: on the time chart after how long
            // it ran, on the memory chart at the cap it hit (its own peak is small when the failing allocation was refused
            // before any page was touched).
            foreach ((string outcome, MarkerShape shape) in FailureMarkers)
            {
                (double X, double Y)[] failures = [.. points
                    .Where(r => r.Outcome == outcome)
                    .Select(r => (r.Count, Y: failuresAtCap && outcome == TrialOutcome.MemoryError && (r.TotalMemoryLimitBytes ?? r.MemoryLimitBytes) is long cap ? Math.Max(cap, y(r) ?? 0) : y(r)))
                    .Where(p => p.Y is > 0)
                    .Select(p => (Math.Log10(p.Count), Math.Log10(p.Y!.Value)))];
                if (failures.Length > 0)
                {
                    var marks = plot.Add.Markers(failures.Select(p => p.X).ToArray(), failures.Select(p => p.Y).ToArray(), shape, 18, color);
                    marks.MarkerLineWidth = 3;
                    failuresShown.Add(outcome);
                    yValues.AddRange(failures.Select(p => p.Y));
                }
            }
        }

        // One legend entry per kind of failure shown, in grey: the shape says the outcome, the colour says the series.
        foreach (string outcome in FailureMarkers.Keys.Where(failuresShown.Contains))
        {
            var key = plot.Add.Markers(new double[] { double.NaN }, new double[] { double.NaN }, FailureMarkers[outcome], 12, Colors.Gray);
            key.LegendText = FailureLegend[outcome] + " (in the series' colour)";
        }

        if (failuresAtCap)
        {
            TrialResult[] all = [.. series.SelectMany(g => g)];
            var caps = all.Select(r => r.MemoryLimitBytes).OfType<long>().Distinct().Select(cap => (cap, $"managed heap cap {ByteSize.Format(cap)} per process", LinePattern.Dashed))
                .Concat(all.Select(r => r.TotalMemoryLimitBytes).OfType<long>().Distinct().Select(cap => (cap, $"cap of all a trial's processes {ByteSize.Format(cap)}", LinePattern.Dotted)));
            foreach ((long cap, string text, LinePattern pattern) in caps.Take(MaxCapLines))
            {
                var limit = plot.Add.HorizontalLine(Math.Log10(cap), 1, Colors.Gray, pattern);
                limit.LegendText = text;
                yValues.Add(Math.Log10(cap));
            }
        }

        plot.Title(title);
        plot.XLabel("count N (values)\n" + Wrap(caption), size: 13);
        plot.YLabel(yLabel);
        plot.Axes.Bottom.TickGenerator = LogTicks(exponent => Math.Pow(10, exponent).ToString("0.#E+0", CultureInfo.InvariantCulture));
        plot.Axes.Left.TickGenerator = axis switch
        {
            Axis.Bytes => BinaryTicks(yValues),
            Axis.Seconds => LogTicks(exponent => Duration(Math.Pow(10, exponent))),
            _ => LogTicks(exponent => Rate(Math.Pow(10, exponent))),
        };
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);
        plot.Grid.MinorLineWidth = 1;
        // Outside the data area, so no point is ever hidden under it.
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static NumericAutomatic LogTicks(Func<double, string> label) => new()
    {
        MinorTickGenerator = new LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = label,
    };

    // Ticks at powers of four of a byte (1 MiB, 4 MiB, 16 MiB … 1 GiB, 4 GiB), placed on the log10 axis.
    private static NumericManual BinaryTicks(List<double> log10Values)
    {
        var ticks = new NumericManual();
        double low = log10Values.Count > 0 ? log10Values.Min() : 6, high = log10Values.Count > 0 ? log10Values.Max() : 9;
        // Every power of four, or of two where the axis spans few of them.
        int step = high - low > 6 * Math.Log10(4) ? 2 : 1;
        for (int power = 10; power <= 50; power += step)
        {
            double position = power * Math.Log10(2);
            if (position >= low - 0.7 && position <= high + 0.7)
            {
                ticks.AddMajor(position, ByteSize.Format(1L << power).Replace(".00 ", " ", StringComparison.Ordinal).Replace(".0 ", " ", StringComparison.Ordinal));
            }
        }

        return ticks;
    }

    // Breaks a caption at its " · " separators, and a part still too long at its spaces, so that no line is wider than
    // the plot area the caption is centred under.
    private static string Wrap(string caption, int width = 72)
    {
        var lines = new List<string>();
        foreach (string line in caption.Split('\n'))
        {
            string current = "";
            foreach (string part in line.Split(" · "))
            {
                string separator = current.Length == 0 ? "" : " · ";
                foreach (string word in part.Split(' '))
                {
                    if (current.Length > 0 && current.Length + separator.Length + word.Length + 1 > width)
                    {
                        lines.Add(current);
                        current = "";
                        separator = "";
                    }

                    current = current.Length == 0 ? word : current + (separator.Length > 0 ? separator : " ") + word;
                    separator = "";
                }
            }

            lines.Add(current);
        }

        return string.Join('\n', lines);
    }

    private static string Duration(double seconds) => seconds switch
    {
        >= 1 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.###} s"),
        >= 1e-3 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3:0.###} ms"),
        >= 1e-6 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6:0.###} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e9:0.###} ns"),
    };

    private static string Rate(double perSecond) => perSecond switch
    {
        >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e9:0.###} G/s"),
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e6:0.###} M/s"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e3:0.###} k/s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{perSecond:0.###} /s"),
    };

    // Each file under a temporary name in the same folder, then renamed over the final one: the rename is atomic, so a
    // reader (or a signal) never finds a chart half-written.
    private static IEnumerable<string> Save(Plot plot, string folder, string name, CancellationToken cancellationToken)
    {
        foreach ((string extension, Action<string> save) in new (string, Action<string>)[]
        {
            ("png", path => plot.SavePng(path, Width, Height)),
            ("svg", path =>
            {
                // Skia's SVG backend has no dash effects: it drew dashed lines solid and printed "Unsupported path effect
                // in addPaint." on stderr for each. Draw them solid on purpose; markers still tell the series apart.
                foreach (IPlottable plottable in plot.GetPlottables())
                {
                    if (plottable is ScottPlot.Plottables.Scatter scatter)
                    {
                        scatter.LinePattern = LinePattern.Solid;
                    }
                    else if (plottable is ScottPlot.Plottables.HorizontalLine line)
                    {
                        line.LinePattern = LinePattern.Solid;
                    }
                }

                plot.SaveSvg(path, Width, Height);
            }),
        })
        {
            cancellationToken.ThrowIfCancellationRequested();
            string final = Path.Combine(folder, $"{name}.{extension}");
            string temporary = Path.Combine(folder, $".{name}.{extension}.{Environment.ProcessId}.tmp");
            try
            {
                save(temporary);
                File.Move(temporary, final, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            yield return final;
        }
    }
}

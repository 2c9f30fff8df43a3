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
    /// sweep on one machine; otherwise followed by what tells the sources apart — when the sweep started, the host, the
    /// cores, the per-process cap or the total cap, whichever of them differ (and only those).
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

    private const int SourcePartCount = 5;

    // Where and when a trial ran: its sweep's start, host, cores, per-process cap, total cap (SourcePartCount parts, always
    // in this order).
    private static string[] SourceParts(TrialResult r) =>
    [
        SweepStart(r.Sweep),
        r.Host,
        $"{r.Cores} cores",
        r.MemoryLimitBytes is long cap ? $"heap cap {ByteSize.Format(cap)} per process" : "no heap cap",
        r.TotalMemoryLimitBytes is long total ? $"total cap {ByteSize.Format(total)}" : "no total cap",
    ];

    /// <summary>When a sweep started, from its id (<c>20261207T073508Z</c> is <c>2026-12-07 07:35 UTC</c>); the id itself
    /// when it is not a time. A second sweep started in the same second (<c>20261207T073508Z-2</c>) gets its number.</summary>
    public static string SweepStart(string sweep)
    {
        string[] parts = sweep.Split('-', 2);
        return DateTime.TryParseExact(parts[0], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime start)
            ? start.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) + (parts.Length > 1 ? $" #{parts[1]}" : "")
            : $"sweep {sweep}";
    }


    private static Plot Chart(IEnumerable<IGrouping<string, TrialResult>> series, string title, string yLabel, Func<TrialResult, double?> y, Axis axis, string caption, bool markFailures, bool failuresAtCap = false)
    {
        var plot = new Plot();
        var failuresShown = new HashSet<string>();
        var xValues = new List<double>();
        var yValues = new List<double>();

        // Every series' points first (log10 units), so that markers that would overlap can be set side by side.
        var drawn = new List<(string Name, Color Color, TrialResult[] Points, (double X, double Y)[] Ok)>();
        int seriesIndex = 0;
        foreach (IGrouping<string, TrialResult> group in series)
        {
            // The last result per count wins, so a file holding two runs of one series still draws one line.
            TrialResult[] points = [.. group.GroupBy(r => r.Count).Select(g => g.Last()).OrderBy(r => r.Count)];
            (double X, double Y)[] ok = [.. points
                .Where(r => r.Outcome == TrialOutcome.Ok && y(r) is > 0)
                .Select(r => (Math.Log10(r.Count), Math.Log10(y(r)!.Value)))];
            drawn.Add((group.Key, plot.Add.Palette.GetColor(seriesIndex++), points, ok));
            xValues.AddRange(ok.Select(p => p.X));
            yValues.AddRange(ok.Select(p => p.Y));
        }

        // A failed trial is marked in its series' colour, with a shape per outcome: on the time chart after how long it
        // ran, on the memory chart at the cap it hit (its own peak is small when the failing allocation was refused before
        // any page was touched).
        var failures = new List<(Color Color, MarkerShape Shape, string Outcome, (double X, double Y)[] Points)>();
        if (markFailures)
        {
            foreach ((_, Color color, TrialResult[] points, _) in drawn)
            {
                foreach ((string outcome, MarkerShape shape) in FailureMarkers)
                {
                    (double X, double Y)[] marks = [.. points
                        .Where(r => r.Outcome == outcome)
                        .Select(r => (r.Count, Y: failuresAtCap && outcome == TrialOutcome.MemoryError && (r.TotalMemoryLimitBytes ?? r.MemoryLimitBytes) is long cap ? Math.Max(cap, y(r) ?? 0) : y(r)))
                        .Where(p => p.Y is > 0)
                        .Select(p => (Math.Log10(p.Count), Math.Log10(p.Y!.Value)))];
                    if (marks.Length > 0)
                    {
                        failures.Add((color, shape, outcome, marks));
                        xValues.AddRange(marks.Select(p => p.X));
                        yValues.AddRange(marks.Select(p => p.Y));
                    }
                }
            }
        }

        var caps = new List<(long Cap, string Text, LinePattern Pattern)>();
        if (failuresAtCap)
        {
            TrialResult[] all = [.. series.SelectMany(g => g)];
            caps.AddRange(all.Select(r => r.MemoryLimitBytes).OfType<long>().Distinct().Select(cap => (cap, $"managed heap cap {ByteSize.Format(cap)} per process", LinePattern.Dashed))
                .Concat(all.Select(r => r.TotalMemoryLimitBytes).OfType<long>().Distinct().Select(cap => (cap, $"cap of all a trial's processes {ByteSize.Format(cap)}", LinePattern.Dotted)))
                .Take(MaxCapLines));
            yValues.AddRange(caps.Select(c => Math.Log10(c.Cap)));
        }

        if (xValues.Count == 0)
        {
            // Nothing measured (every trial failed before it could report): still a chart, with its axes around the counts.
            xValues.AddRange(drawn.SelectMany(d => d.Points).Select(r => Math.Log10(r.Count)));
            yValues.Add(0);
        }

        LogAxis countAxis = LogAxis.For(xValues, count => NumberText.Scientific(count), reachLabels: false);
        LogAxis valueAxis = axis switch
        {
            Axis.Bytes => LogAxis.ForBytes(yValues),
            Axis.Seconds => LogAxis.For(yValues, TickDuration),
            _ => LogAxis.For(yValues, perSecond => NumberText.Scientific(perSecond)),
        };

        // Markers closer than about one marker (12 px of the roughly 450 × 700 px data area) overlap; side by side, 14 px apart.
        MarkerDodge.Result dodged = MarkerDodge.Spread(
            [.. drawn.Select(d => d.Ok)],
            yTolerance: (valueAxis.High - valueAxis.Low) * 12 / 450,
            xStep: (countAxis.High - countAxis.Low) * 14 / 700);
        countAxis = LogAxis.For([.. xValues, .. dodged.Points.SelectMany(p => p).Select(p => p.X)], count => NumberText.Scientific(count), reachLabels: false);
        for (int i = 0; i < drawn.Count; i++)
        {
            (double X, double Y)[] ok = dodged.Points[i];
            if (ok.Length == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(ok.Select(p => p.X).ToArray(), ok.Select(p => p.Y).ToArray(), drawn[i].Color.WithAlpha(0.85));
            line.LegendText = drawn[i].Name;
            // Later series are drawn thinner, with their own marker and dash, so one lying on another (auto on streaming,
            // say) still shows both.
            line.LineWidth = Math.Max(1.5f, 3.5f - (0.5f * i));
            line.LinePattern = SeriesLines[i % SeriesLines.Length];
            line.MarkerShape = SeriesMarkers[i % SeriesMarkers.Length];
            line.MarkerSize = Math.Max(5, 10 - i);
        }

        foreach ((Color color, MarkerShape shape, string outcome, (double X, double Y)[] points) in failures)
        {
            var marks = plot.Add.Markers(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), shape, 18, color);
            marks.MarkerLineWidth = 3;
            failuresShown.Add(outcome);
        }

        // One legend entry per kind of failure shown, in grey: the shape says the outcome, the colour says the series.
        foreach (string outcome in FailureMarkers.Keys.Where(failuresShown.Contains))
        {
            var key = plot.Add.Markers(new double[] { double.NaN }, new double[] { double.NaN }, FailureMarkers[outcome], 12, Colors.Gray);
            key.LegendText = FailureLegend[outcome] + " (in the series' colour)";
        }

        foreach ((long cap, string text, LinePattern pattern) in caps)
        {
            var limit = plot.Add.HorizontalLine(Math.Log10(cap), 1, Colors.Gray, pattern);
            limit.LegendText = text;
        }

        // Series whose lines lie on one another everywhere are named under the chart, with the band they lie in.
        string notes = string.Concat(dodged.Coinciding.Select(group =>
        {
            double[] ys = [.. group.SelectMany(i => drawn[i].Ok).Select(p => Math.Pow(10, p.Y))];
            // A no-break space between a number and its unit, so the caption never wraps between them.
            string band = $"{ValueText(axis, ys.Min())} to {ValueText(axis, ys.Max())}".Replace(" MiB", "\u00a0MiB", StringComparison.Ordinal)
                .Replace(" GiB", "\u00a0GiB", StringComparison.Ordinal).Replace(" ms", "\u00a0ms", StringComparison.Ordinal).Replace(" µs", "\u00a0µs", StringComparison.Ordinal);
            return "\n" + Wrap($"{JoinedNames(group.Select(i => drawn[i].Name))} lie on one another at every count ({band}): markers set side by side");
        }));

        plot.Title(title);
        plot.XLabel("count N (values)" + notes + "\n" + Wrap(caption), size: 13);
        plot.YLabel(yLabel);
        plot.Axes.Bottom.TickGenerator = countAxis.Ticks;
        plot.Axes.Left.TickGenerator = valueAxis.Ticks;
        plot.Axes.SetLimits(countAxis.Low, countAxis.High, valueAxis.Low, valueAxis.High);
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);
        plot.Grid.MinorLineWidth = 1;
        // Outside the data area, so no point is ever hidden under it.
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    // A time tick: as the tables write it below a second (100 µs, 20 ms), whole seconds without the tables' two decimals
    // (1 s, 100 s, not 1.00 s), which say nothing on a tick.
    private static string TickDuration(double seconds) =>
        NumberText.Duration(seconds) is string text && text.EndsWith(" s", StringComparison.Ordinal) ? NumberText.Scientific(seconds) + " s" : NumberText.Duration(seconds);

    // "a and b", "a, b and c".
    private static string JoinedNames(IEnumerable<string> names)
    {
        string[] all = [.. names];
        return all.Length == 1 ? all[0] : string.Join(", ", all[..^1]) + " and " + all[^1];
    }

    private static string ValueText(Axis axis, double value) => axis switch
    {
        Axis.Seconds => NumberText.Duration(value),
        Axis.Rate => NumberText.Scientific(value) + "/s",
        _ => ByteSize.Format((long)Math.Round(value)),
    };

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

    // The image's size: 1100 × 600, wider by the legend's text beyond 45 characters (series named with their sources) and
    // taller by the caption's lines beyond 5, so that the data area keeps about 700 × 450 pixels whatever the legend and
    // caption take.
    private static (int Width, int Height) SizeFor(Plot plot)
    {
        int longestLegend = plot.GetPlottables()
            .Select(p => p switch
            {
                ScottPlot.Plottables.Scatter scatter => scatter.LegendText,
                ScottPlot.Plottables.Markers markers => markers.LegendText,
                ScottPlot.Plottables.HorizontalLine line => line.LegendText,
                _ => "",
            })
            .Select(text => text?.Length ?? 0)
            .DefaultIfEmpty(0)
            .Max();
        int captionLines = plot.Axes.Bottom.Label.Text.Split('\n').Length;
        return (Width + (Math.Max(0, longestLegend - 45) * 7), Height + (Math.Max(0, captionLines - 5) * 17));
    }

    // Each file under a temporary name in the same folder, then renamed over the final one: the rename is atomic, so a
    // reader (or a signal) never finds a chart half-written.
    private static IEnumerable<string> Save(Plot plot, string folder, string name, CancellationToken cancellationToken)
    {
        (int Width, int Height) = SizeFor(plot);
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

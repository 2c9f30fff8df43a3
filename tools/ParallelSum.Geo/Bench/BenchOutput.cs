using System.Globalization;
using System.Text;
using System.Text.Json;
using ScottPlot;
using SkiaSharp;

namespace ParallelSum.Geo.Bench;

/// <summary>Writes a bench report as results.csv, results.json, results.md, chart.png and chart.svg.</summary>
internal static class BenchOutput
{
    /// <summary>Gets the options every bench file is written with: indented JSON.</summary>

    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(BenchReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        string csv = Path.Combine(folder, "results.csv");
        string json = Path.Combine(folder, "results.json");
        string md = Path.Combine(folder, "results.md");
        string png = Path.Combine(folder, "chart.png");
        string svg = Path.Combine(folder, "chart.svg");
        File.WriteAllText(csv, Csv(report));
        File.WriteAllText(json, JsonSerializer.Serialize(report, ToolJson.Indented.BenchReport));
        File.WriteAllText(md, Markdown(report));
        WriteChart(report, png, svg);
        return [csv, json, md, png, svg];
    }

    public static string Csv(BenchReport report)
    {
        var text = new StringBuilder("files,mode,partitioner,workers,features,bytes_in,median_seconds,speedup,seconds\n");
        foreach (BenchResult r in report.Results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Files},{r.Mode},\"{r.Partitioner}\",{r.Workers},{r.Features},{r.BytesIn},{r.MedianSeconds:F4},{r.Speedup:F3},{string.Join(' ', r.Seconds.Select(s => s.ToString("F4", CultureInfo.InvariantCulture)))}"));
        }

        return text.ToString();
    }

    /// <summary>A Markdown table: one row per mode, one column per file count, cells "median s (speedup×)".</summary>
    public static string Markdown(BenchReport report)
    {
        int[] counts = [.. report.Results.Select(r => r.Files).Distinct()];
        string[] modes = [.. report.Results.Select(r => r.Mode).Distinct()];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {report.Date} on {report.Machine} ({report.Cores} cores, {report.Runtime}).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{report.Command}`.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Data set: {report.DataSet}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Cells: median wall-clock seconds of {report.Repetitions} runs (speedup against {report.Baseline} at the same file count).");
        text.AppendLine();
        text.AppendLine("| mode | " + string.Join(" | ", counts.Select(c => $"{c} files")) + " |");
        text.AppendLine("| --- | " + string.Join(" | ", counts.Select(_ => "---:")) + " |");
        foreach (string mode in modes)
        {
            IEnumerable<string> cells = counts.Select(c => report.Results.Single(r => r.Files == c && r.Mode == mode))
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.MedianSeconds:F2} s ({r.Speedup:F2}×)"));
            text.AppendLine($"| {mode} | " + string.Join(" | ", cells) + " |");
        }

        text.AppendLine();
        text.AppendLine("| files | " + string.Join(" | ", counts) + " |");
        text.AppendLine("| --- | " + string.Join(" | ", counts.Select(_ => "---:")) + " |");
        text.AppendLine("| features | " + string.Join(" | ", counts.Select(c => report.Results.First(r => r.Files == c).Features.ToString("N0", CultureInfo.InvariantCulture))) + " |");
        text.AppendLine("| MB in | " + string.Join(" | ", counts.Select(c => (report.Results.First(r => r.Files == c).BytesIn / 1e6).ToString("F1", CultureInfo.InvariantCulture))) + " |");
        return text.ToString();
    }

    /// <summary>Two panels side by side: median time against file count, and speedup against file count; one line per mode.</summary>
    public static void WriteChart(BenchReport report, string pngPath, string svgPath)
    {
        const int width = 1200;
        const int height = 500;
        Fonts.Default = "DejaVu Sans"; // the font lookup otherwise picks a serif face on this machine
        var multiplot = new Multiplot { Layout = new ScottPlot.MultiplotLayouts.Columns() };
        multiplot.AddPlots(2);
        Plot time = multiplot.GetPlot(0);
        Plot speedup = multiplot.GetPlot(1);
        double[] counts = [.. report.Results.Select(r => (double)r.Files).Distinct()];
        foreach (string mode in report.Results.Select(r => r.Mode).Distinct())
        {
            BenchResult[] rows = [.. report.Results.Where(r => r.Mode == mode).OrderBy(r => r.Files)];
            double[] xs = [.. rows.Select(r => (double)r.Files)];
            var t = time.Add.Scatter(xs, rows.Select(r => r.MedianSeconds).ToArray());
            t.LegendText = mode;
            t.MarkerSize = 7;
            t.LineWidth = 2;
            var s = speedup.Add.Scatter(xs, rows.Select(r => r.Speedup).ToArray());
            s.LegendText = mode;
            s.MarkerSize = 7;
            s.LineWidth = 2;
        }

        var one = speedup.Add.HorizontalLine(1);
        one.LinePattern = LinePattern.Dashed;
        one.Color = Colors.Gray;
        time.Title("Time to convert (median)");
        time.XLabel("shapefiles");
        time.YLabel("seconds");
        time.ShowLegend(Alignment.UpperLeft);
        speedup.Title($"Speedup against {report.Baseline}");
        speedup.XLabel("shapefiles");
        speedup.YLabel($"× faster than {report.Baseline}");
        speedup.ShowLegend(Alignment.LowerRight);
        foreach (Plot plot in new[] { time, speedup })
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(counts, [.. counts.Select(c => c.ToString(CultureInfo.InvariantCulture))]);
            plot.Axes.AutoScale();
        }

        time.Axes.SetLimitsY(0, report.Results.Max(r => r.MedianSeconds) * 1.08);
        speedup.Axes.SetLimitsY(0, Math.Max(2.2, report.Results.Max(r => r.Speedup) * 1.1));
        multiplot.SavePng(pngPath, width, height);
        using (var stream = File.Create(svgPath))
        using (SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            multiplot.Render(canvas, new PixelRect(0, width, height, 0));
        }
    }
}

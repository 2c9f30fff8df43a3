using System.Globalization;
using System.Text;
using System.Xml.Linq;
using ParallelSum.Experiment.Plotting;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Reporting;

/// <summary>
/// A sweep's report: one self-contained HTML file beside its results file (<c>sweep-&lt;time&gt;.html</c> next to
/// <c>sweep-&lt;time&gt;.jsonl</c>) holding the machine caption, the command, a warning when the machine was busy before the
/// first trial, the charts as inline SVG and the sweep's tables. It loads nothing from elsewhere and runs no script, so it
/// can be mailed or archived as one file and opened offline.
/// </summary>
internal static class SweepReport
{
    /// <summary>
    /// The idle second's peak CPU use, in percent of all cores, from which the machine counts as busy and the report warns
    /// that the figures are noisy. An idle machine peaks at a few per cent over the 10 samples of that second (5–9 % on the
    /// machines whose results are under <c>docs/experiment</c>).
    /// </summary>
    public const double BusyIdleCpuPercent = 25;

    /// <summary>The report's path for the results file <paramref name="resultsPath"/>: the same name with <c>.html</c>.</summary>
    public static string PathFor(string resultsPath) => Path.ChangeExtension(resultsPath, ".html");

    /// <summary>
    /// The warning the sweep prints and the report shows when the idle second before the first trial peaked at
    /// <see cref="BusyIdleCpuPercent"/> or more; <see langword="null"/> when the machine was quiet or the peak is unknown.
    /// </summary>
    public static string? BusyWarning(TrialResult? idle) =>
        idle?.SystemCpuPeakPercent is double peak && peak >= BusyIdleCpuPercent
            ? string.Create(CultureInfo.InvariantCulture, $"the machine was busy before the first trial: its CPU use peaked at {peak:F0} % in the idle second (a quiet machine stays under {BusyIdleCpuPercent:F0} %). Other work shared the cores with the trials, so the times and rates are noisy; run the sweep again on a quiet machine before quoting them.")
            : null;

    /// <summary>Writes the report of the sweep whose results are in <paramref name="resultsPath"/>; returns its path.</summary>
    /// <param name="resultsPath">The sweep's results file; the report goes beside it.</param>
    /// <param name="sweepId">The sweep's id.</param>
    /// <param name="idle">The sweep's idle line (machine, command, idle CPU); <see langword="null"/> if it has none.</param>
    /// <param name="tables">The sweep's tables, as the terminal shows them.</param>
    /// <param name="notes">Lines about the sweep's outcome (series stopped early, sums that disagree), shown as a list.</param>
    /// <param name="svgCharts">The SVG charts to inline, in order; empty when the charts were not rendered.</param>
    /// <remarks>The file is written under a temporary name and renamed when complete: it is whole or absent.</remarks>
    public static string Write(string resultsPath, string sweepId, TrialResult? idle, IReadOnlyList<ResultTable> tables, IReadOnlyList<string> notes, IReadOnlyList<string> svgCharts)
    {
        string path = PathFor(resultsPath);
        string temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, Html(Path.GetFileName(resultsPath), sweepId, idle, tables, notes, svgCharts), new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return path;
    }

    /// <summary>The report's HTML.</summary>
    public static string Html(string resultsFileName, string sweepId, TrialResult? idle, IReadOnlyList<ResultTable> tables, IReadOnlyList<string> notes, IReadOnlyList<string> svgCharts)
    {
        var html = new StringBuilder();
        string title = $"ParallelSum sweep {sweepId}";
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="ParallelSum.Experiment">
            <link rel="icon" href="data:,">
            <title>{E(title)}</title>
            <style>{Style}</style>
            </head>
            <body>
            <h1>{E(title)}</h1>
            <p class="lead">Started {E(ChartSet.SweepStart(sweepId))}. Results: <a href="{E(Uri.EscapeDataString(resultsFileName))}">{E(resultsFileName)}</a> (JSON Lines, one trial a line).</p>

            """);

        if (BusyWarning(idle) is string warning)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"busy-warning\" class=\"warning\" role=\"alert\"><strong>Busy machine:</strong> {E(warning)}</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <section id="machine"><h2>Machine</h2><p>{E(idle?.Machine?.Caption(idle.FinishedAt) ?? "not recorded in the results")}</p>
            <p>Idle before the first trial: peak CPU {E(Percent(idle?.SystemCpuPeakPercent))}, peak RAM {E(Percent(idle?.SystemRamPeakPercent))} of the whole machine.</p></section>
            <section id="command"><h2>Command</h2><pre><code>{E(idle?.Machine?.Command ?? "not recorded in the results")}</code></pre></section>

            """);

        if (notes.Count > 0)
        {
            html.Append("<section id=\"notes\"><h2>Notes</h2><ul>\n");
            foreach (string note in notes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(note)}</li>\n");
            }

            html.Append("</ul></section>\n");
        }

        html.Append("<section id=\"charts\"><h2>Charts</h2>\n");
        if (svgCharts.Count == 0)
        {
            html.Append("<p>The charts were not rendered (<code>--no-plot</code>); <code>plot</code> draws them from the results file.</p>\n");
        }

        foreach (string chart in svgCharts)
        {
            string name = Path.GetFileNameWithoutExtension(chart);
            html.Append(CultureInfo.InvariantCulture, $"<figure id=\"chart-{E(name)}\">{InlineSvg(chart, name)}<figcaption>{E(name)}</figcaption></figure>\n");
        }

        html.Append("</section>\n<section id=\"tables\"><h2>Tables</h2>\n");
        for (int t = 0; t < tables.Count; t++)
        {
            ResultTable table = tables[t];
            html.Append(CultureInfo.InvariantCulture, $"<table id=\"table-{t + 1}\">\n<caption>{E(table.Title)}</caption>\n<thead><tr>");
            for (int c = 0; c < table.Columns.Count; c++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\"{Align(table, c)}>{E(table.Columns[c])}</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (IReadOnlyList<string> row in table.Rows)
            {
                html.Append("<tr>");
                for (int c = 0; c < row.Count; c++)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td{Align(table, c)}>{E(row[c])}</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
            if (table.Note is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(table.Note)}</p>\n");
            }
        }

        html.Append("</section>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The SVG file's root element, to be placed in the page: its ids (and the <c>url(#…)</c> and <c>#…</c> references to
    /// them) prefixed with <paramref name="prefix"/> so that the charts' clip paths do not collide, and a view box so that
    /// it scales to the page's width.
    /// </summary>
    public static string InlineSvg(string svgPath, string prefix)
    {
        XElement root = XDocument.Load(svgPath).Root ?? throw new InvalidDataException($"{svgPath}: not an SVG document");
        foreach (XAttribute attribute in root.DescendantsAndSelf().SelectMany(e => e.Attributes()).ToList())
        {
            if (attribute.Name.LocalName == "id")
            {
                attribute.Value = $"{prefix}-{attribute.Value}";
            }
            else if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
            {
                attribute.Value = attribute.Value.Replace("url(#", $"url(#{prefix}-", StringComparison.Ordinal);
            }
            else if (attribute.Name.LocalName == "href" && attribute.Value.StartsWith('#'))
            {
                attribute.Value = $"#{prefix}-{attribute.Value[1..]}";
            }
        }

        if (root.Attribute("viewBox") is null && root.Attribute("width")?.Value is string width && root.Attribute("height")?.Value is string height)
        {
            root.SetAttributeValue("viewBox", $"0 0 {width} {height}");
        }

        root.SetAttributeValue("role", "img");
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private const string Style = """
        body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
        .lead { color: #444; }
        .warning { background: #fff3cd; border: 1px solid #e0b000; padding: 0.75rem 1rem; border-radius: 4px; }
        pre { background: #f5f5f5; padding: 0.5rem 0.75rem; overflow-x: auto; white-space: pre-wrap; }
        figure { margin: 1rem 0; } figure svg { width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { color: #666; font-size: 0.85rem; }
        table { border-collapse: collapse; margin: 1rem 0 0.25rem; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: bold; padding-bottom: 0.4rem; }
        th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; }
        th { background: #f0f0f0; } .num { text-align: right; }
        .note { color: #555; font-size: 0.85rem; max-width: 60rem; }
        """;

    private static string Align(ResultTable table, int column) => column == 0 && table.FirstColumnIsName ? "" : " class=\"num\"";

    private static string Percent(double? value) => value is double v ? v.ToString("F0", CultureInfo.InvariantCulture) + " %" : "not measured";

    // The five characters HTML gives a meaning to; everything else is written as it is, in UTF-8 (µ stays µ).
    private static string E(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}

using System.Globalization;
using ParallelSum.Geo.Conversion;
using Spectre.Console;

namespace ParallelSum.Geo.Cli;

/// <summary>The tables printed after a conversion: one row per file, one per worker, and the totals.</summary>
internal static class ConversionSummary
{
    public static void Write(ConversionReport report)
    {
        var files = new Table().Border(TableBorder.Rounded).Title($"{report.Plan.Label}, {report.PartitionerName}");
        files.AddColumn("file");
        files.AddColumn("outcome");
        foreach (string column in new[] { "worker", "features", "MB in", "MB out", "seconds" })
        {
            files.AddColumn(new TableColumn(column).RightAligned());
        }

        files.AddColumn("reason");
        foreach (FileResult f in report.Files)
        {
            string outcome = f.Outcome switch
            {
                FileOutcome.Ok => "[green]ok[/]",
                FileOutcome.Error => "[red]error[/]",
                _ => "[yellow]skipped-exists[/]",
            };
            files.AddRow(
                Markup.Escape(TerminalText.Escape(f.Name)),
                outcome,
                f.Worker.ToString(CultureInfo.InvariantCulture),
                f.Features.ToString("N0", CultureInfo.InvariantCulture),
                Mb(f.BytesIn),
                Mb(f.BytesOut),
                f.Seconds.ToString("F2", CultureInfo.InvariantCulture),
                Markup.Escape(TerminalText.Escape(f.Reason ?? (f.Warnings is { } warnings ? "warning: " + string.Join("; ", warnings) : ""))));
        }

        AnsiConsole.Write(files);

        var workers = new Table().Border(TableBorder.Rounded).Title("workers");
        workers.AddColumn(new TableColumn("worker").RightAligned());
        foreach (string column in new[] { "files", "features", "MB in", "busy seconds" })
        {
            workers.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (IGrouping<int, FileResult> group in report.Files.Where(f => f.Worker >= 0).GroupBy(f => f.Worker).OrderBy(g => g.Key))
        {
            workers.AddRow(
                group.Key.ToString(CultureInfo.InvariantCulture),
                group.Count().ToString(CultureInfo.InvariantCulture),
                group.Sum(f => f.Features).ToString("N0", CultureInfo.InvariantCulture),
                Mb(group.Sum(f => f.BytesIn)),
                group.Sum(f => f.Seconds).ToString("F2", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(workers);
        AnsiConsole.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Files.Count} files: [green]{report.Converted} converted[/], {(report.Failed > 0 ? "[red]" : "")}{report.Failed} failed{(report.Failed > 0 ? "[/]" : "")}, {(report.Cancelled > 0 ? $"[yellow]{report.Cancelled} cancelled[/], " : "")}{report.Skipped} skipped; " +
            $"{report.Files.Sum(f => f.Features):N0} features, {Mb(report.Files.Sum(f => f.BytesIn))} MB in, {Mb(report.Files.Sum(f => f.BytesOut))} MB out, " +
            $"{report.Elapsed.TotalSeconds:F2} s wall"));
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("F2", CultureInfo.InvariantCulture);
}

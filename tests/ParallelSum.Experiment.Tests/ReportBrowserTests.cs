using System.Text.Json.Nodes;
using ParallelSum.Experiment.Plotting;

namespace ParallelSum.Experiment.Tests;

/// <summary>
/// A sweep's HTML report, opened in a real browser (headless Chromium from Debian's packages, which CI installs): it loads
/// with no console error or warning, shows every chart and table with content, and its screenshot is kept in
/// <c>artifacts/experiment-report/</c> for a person to look at. Skipped where Chromium is not installed, except in CI
/// (<c>CI=true</c>), where a missing browser fails the test.
/// </summary>
public sealed class ReportBrowserTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Report_LoadsInChromium_WithNoConsoleError_AndShowsEveryChartAndTable()
    {
        Skip.If(HeadlessChromium.Program is null && Environment.GetEnvironmentVariable("CI") != "true", "chromium is not installed (CI installs it: .ci/install.d)");
        Assert.True(HeadlessChromium.Program is not null, "CI=true but chromium is not installed; .ci/install.d installs it");

        using var folder = new TempFolder();
        (int exitCode, string output, string error) = ProgramRun.Run(
            "sweep", "--strategies", "streaming,naive-list,auto", "--counts", "1e3,1e5", "--large-counts", "1e6", "--repetitions", "1", "--out", folder.Path);
        Assert.True(exitCode == 0, error);
        string report = Assert.Single(Directory.GetFiles(folder.Path, "sweep-*.html"));
        Assert.Contains($"report: {report}", output, StringComparison.Ordinal);

        using var deadline = new CancellationTokenSource(Deadline);
        await using HeadlessChromium browser = await HeadlessChromium.StartAsync(deadline.Token);

        // The browser's problems are seen: a page with a console error and a script error reports both.
        string broken = folder.File("broken.html");
        File.WriteAllText(broken, "<!DOCTYPE html><html><head><title>x</title></head><body><script>console.error('planted'); undefinedFunction();</script></body></html>");
        await browser.LoadAsync(new Uri(broken).AbsoluteUri, deadline.Token);
        Assert.Contains(browser.Problems, p => p.Contains("planted", StringComparison.Ordinal));
        Assert.Contains(browser.Problems, p => p.Contains("undefinedFunction", StringComparison.Ordinal));

        await browser.LoadAsync(new Uri(report).AbsoluteUri, deadline.Token);
        JsonNode page = (await browser.EvaluateAsync(
            """
            ({
              charts: [...document.querySelectorAll('#charts figure svg')].map(s => ({
                id: s.parentElement.id, width: s.getBoundingClientRect().width, height: s.getBoundingClientRect().height,
                texts: s.querySelectorAll('text').length })),
              tables: [...document.querySelectorAll('#tables table')].map(t => ({
                caption: t.caption ? t.caption.textContent : '', rows: t.tBodies[0].rows.length, width: t.getBoundingClientRect().width })),
              machine: document.querySelector('#machine p').textContent,
              command: document.querySelector('#command code').textContent,
              title: document.title
            })
            """, deadline.Token))!;

        string screenshots = Screenshots();
        File.WriteAllBytes(Path.Combine(screenshots, "report.png"), await browser.ScreenshotAsync(deadline.Token));
        File.Copy(report, Path.Combine(screenshots, "report.html"), overwrite: true);

        Assert.Empty(browser.Problems);
        JsonArray charts = page["charts"]!.AsArray();
        Assert.Equal(ChartSet.Names.Select(n => $"chart-{n}"), charts.Select(c => (string)c!["id"]!));
        Assert.All(charts, c =>
        {
            Assert.InRange((double)c!["width"]!, 400, 2000);
            Assert.InRange((double)c["height"]!, 200, 2000);
            Assert.True((int)c["texts"]! >= 10, $"{c["id"]}: {c["texts"]} texts");
        });
        JsonArray tables = page["tables"]!.AsArray();
        Assert.Equal(3, tables.Count);
        Assert.Equal(3, (int)tables[0]!["rows"]!);
        Assert.Equal(3, (int)tables[1]!["rows"]!);
        Assert.Equal(4, (int)tables[2]!["rows"]!);
        Assert.All(tables, t => Assert.True((double)t!["width"]! > 200, $"{t["caption"]}: {t["width"]} px wide"));
        Assert.Contains($"{Environment.ProcessorCount} cores", (string)page["machine"]!, StringComparison.Ordinal);
        Assert.StartsWith("ParallelSum.Experiment sweep --strategies streaming,naive-list,auto", (string)page["command"]!, StringComparison.Ordinal);
        Assert.StartsWith("ParallelSum sweep ", (string)page["title"]!, StringComparison.Ordinal);
    }

    // artifacts/experiment-report/ at the repository's root, kept after the test for a person (and CI) to look at.
    private static string Screenshots()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ParallelSum.sln")))
        {
            directory = directory.Parent;
        }

        string folder = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "artifacts", "experiment-report");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

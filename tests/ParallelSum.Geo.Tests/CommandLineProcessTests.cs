using System.Diagnostics;
using System.Text.Json;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

/// <summary>The program as users run it: a process whose output is redirected, so progress comes as plain lines.</summary>
public sealed class CommandLineProcessTests(SmallDataSet data) : IClassFixture<SmallDataSet>
{
    [Fact]
    public void ConvertThenVerify_AsProcesses_PrintPlainProgressTablesAndAReport()
    {
        using var folder = new TempFolder();
        string report = folder.Sub("report.json");

        (int exit, string output) = Run("convert", "--in", data.Folder, "--out", folder.Sub("out"), "--mode", "processes", "--workers", "2", "--partitioner", "static", "--order", "largest-first", "--report", report);

        Assert.True(exit == 0, output);
        Assert.Contains("processes-static(2), static-blocks", output, StringComparison.Ordinal);
        for (int n = 1; n <= 6; n++)
        {
            Assert.Contains($"[{n}/6] parcels_00", output, StringComparison.Ordinal);
        }

        Assert.Contains("6 files: 6 converted, 0 failed, 0 skipped", output, StringComparison.Ordinal);
        FileResult[] results = JsonSerializer.Deserialize<FileResult[]>(File.ReadAllText(report))!;
        Assert.Equal(6, results.Length);
        Assert.Equal(results.Select(r => r.BytesIn).OrderDescending(), results.Select(r => r.BytesIn)); // largest first

        (int verifyExit, string verifyOutput) = Run("verify", "--in", data.Folder, "--out", folder.Sub("out"));

        Assert.True(verifyExit == 0, verifyOutput);
        Assert.Contains("6 files: 6 equal, 0 not", verifyOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void BadOption_AsAProcess_ExitsTwoWithOneClearLine()
    {
        (int exit, string output) = Run("convert", "--in", data.Folder, "--out", "unused", "--mode", "sideways");

        Assert.Equal(2, exit);
        Assert.Contains("error: Argument 'sideways' not recognized. Must be one of:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("converting", output, StringComparison.Ordinal);
    }

    private static (int Exit, string Output) Run(params string[] args)
    {
        WorkerLauncher program = WorkerLauncher.ForThisProgram();
        var start = new ProcessStartInfo(program.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in program.Arguments.Concat(args))
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}

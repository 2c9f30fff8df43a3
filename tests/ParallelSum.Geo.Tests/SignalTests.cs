using System.Diagnostics;
using ParallelSum.Tests.Support;
using System.Globalization;
using ParallelSum.Geo.Cli;

namespace ParallelSum.Geo.Tests;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM during <c>convert</c>, as users send them to the program: in every mode the run ends with its
/// summary, the file in hand reported as cancelled, no temporary file left, and exit code 130.
/// </summary>
public sealed class SignalTests(SmallDataSet data) : IClassFixture<SmallDataSet>
{
    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (string signal in new[] { "INT", "TERM" })
        {
            // The file that hangs until cancelled: the last one for one worker, the first for two (the other worker converts the rest).
            cases.Add(signal, "single", "parcels_005.shp");
            cases.Add(signal, "threads", "parcels_000.shp");
            cases.Add(signal, "processes", "parcels_000.shp");
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Signal_WhileAFileIsInHand_EndsWithTheSummary_TheFileCancelled_NoTemporaryFile_Exit130(string signal, string mode, string hanging)
    {
        using var output = new TempFolder();
        string[] workers = mode == "single" ? [] : ["--workers", "2"];
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { typeof(GeoCli).Assembly.Location, "convert", "--in", data.Folder, "--out", output.Path, "--mode", mode }.Concat(workers))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[WorkerCommand.HangOnVariable] = hanging;
        using Process program = Process.Start(DefaultSignalActions.Restore(start))!;
        var lines = new List<string>();
        using var fiveDone = new SemaphoreSlim(0);
        program.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (e.Data.StartsWith("[5/6] ", StringComparison.Ordinal))
            {
                fiveDone.Release();
            }
        };
        program.BeginOutputReadLine();
        Task<string> errors = program.StandardError.ReadToEndAsync();
        try
        {
            // Five files are converted and the sixth is in hand, waiting to be cancelled.
            Assert.True(await fiveDone.WaitAsync(TimeSpan.FromSeconds(120)), "five files were not converted within 120 s");
            if (mode == "processes")
            {
                // Ctrl+C on a terminal reaches the workers too; they leave it to their parent.
                foreach (int worker in ProcessModeTests.WorkersOf(program.Id))
                {
                    Assert.Equal(0, Kill(signal, worker));
                }
            }

            Assert.Equal(0, Kill(signal, program.Id));
            Assert.True(program.WaitForExit(TimeSpan.FromSeconds(60)), "the program did not end within 60 s of the signal");
            program.WaitForExit(); // drains the output
        }
        finally
        {
            if (!program.HasExited)
            {
                program.Kill(entireProcessTree: true);
            }
        }

        string stdout = string.Join('\n', lines);
        string stderr = await errors;
        Assert.True(program.ExitCode == 130, $"exit {program.ExitCode}\n{stdout}\n{stderr}");
        Assert.Contains("6 files: 5 converted, 0 failed, 1 cancelled, 0 skipped", stdout, StringComparison.Ordinal);
        Assert.Contains("cancelled before it was converted", stdout, StringComparison.Ordinal);
        Assert.Contains("cancelled: 5 of 6 files converted, 1 not converted (cancelled)", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output.Path, "*.tmp"));
        Assert.False(File.Exists(Path.Combine(output.Path, Path.ChangeExtension(hanging, ".geojson"))));
        Assert.Equal(5, Directory.GetFiles(output.Path, "*.geojson").Length);
    }

    private static int Kill(string signal, int pid)
    {
        using Process kill = Process.Start("kill", ["-s", signal, pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit(10_000);
        return kill.ExitCode;
    }
}

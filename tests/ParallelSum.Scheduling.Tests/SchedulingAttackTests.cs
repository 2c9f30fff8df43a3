using System.Diagnostics;
using System.Globalization;

namespace ParallelSum.Scheduling.Tests;

/// <summary>
/// The attacks on the engine's scheduling, each in a process of its own (tests/ParallelSum.SchedulingProbe), since they
/// need a fresh, a capped or a fully blocked thread pool: concurrent calls keep pace with the same fan-out under
/// <c>Parallel.For</c>; a reduction nested in a reduction completes with the pool capped at 4 threads; a timer cancels a
/// long asynchronous call promptly; and with every pool thread blocked, the calling thread finishes the work alone.
/// </summary>
/// <remarks>
/// <para>The comparisons are relative, made in one process run, best of several rounds, and the factor is the one the engine
/// promises (as fast as <c>Parallel.For</c> within 2x); before the engine ran its callers' work itself, the fan-out took 16 s
/// where <c>Parallel.For</c> took 0.05 s and the capped nested reduction never ended.</para>
/// <para>These are the only tests with a bound in time, so they are a project of their own, not in ParallelSum.sln: CI runs it
/// alone, after the other suites (<c>.ci/tests.d/10-scheduling.sh</c>), because no bound in milliseconds holds while other
/// processes keep both cores busy. Run it the same way: <c>dotnet test tests/ParallelSum.Scheduling.Tests -c Release</c>.</para>
/// </remarks>
[Collection(nameof(SchedulingAttackTests))]
[CollectionDefinition(nameof(SchedulingAttackTests), DisableParallelization = true)]
public class SchedulingAttackTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(20)]
    [InlineData(100)]
    public void ConcurrentCalls_KeepPaceWithTheSameFanOutUnderParallelFor(int calls)
    {
        Dictionary<string, double> ms = Probe("fan-out", calls.ToString(CultureInfo.InvariantCulture), "1000000");

        Assert.True(ms["run-async"] <= 2 * ms["parallel-for"], $"{calls} RunAsync calls took {ms["run-async"]} ms, Parallel.For {ms["parallel-for"]} ms");
        Assert.True(ms["reduce"] <= 2 * ms["parallel-for"], $"{calls} Reduce calls took {ms["reduce"]} ms, Parallel.For {ms["parallel-for"]} ms");
    }

    [Fact]
    public void NestedReduce_WithThePoolCappedAtFourThreads_Completes()
    {
        Dictionary<string, double> ms = Probe("nested");

        Assert.Contains("reduce", ms.Keys);
        Assert.Contains("parallel-for", ms.Keys);
    }

    [Theory]
    [InlineData("run-async")]
    [InlineData("reduce-async")]
    public void CancelAfter200Ms_EndsALongAsyncCall_Within400Ms(string kind)
    {
        Dictionary<string, double> ms = Probe("timer-cancel", kind);

        Assert.InRange(ms["canceled-after"], 200, 400);
    }

    [Fact]
    public void EveryPoolThreadBlocked_TheCallerFinishesTheWorkAlone() => Assert.Contains("alone", Probe("caller-alone").Keys);

    /// <summary>Runs a scenario of the probe in a process of its own and returns what it measured, or fails with its output.</summary>
    private static Dictionary<string, double> Probe(params string[] arguments)
    {
        string probe = ProbePath();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(probe);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Deadline))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"probe {string.Join(' ', arguments)} did not end within {Deadline.TotalSeconds} s");
        }

        Assert.True(process.ExitCode == 0, $"probe {string.Join(' ', arguments)} exited {process.ExitCode}: {output.Result}{error.Result}");
        return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The probe built beside this test project, in the same configuration.</summary>
    private static string ProbePath()
    {
        // .../tests/ParallelSum.Scheduling.Tests/bin/<Configuration>/<framework>/...
        string[] parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar);
        int bin = Array.LastIndexOf(parts, "bin");
        string tests = string.Join(Path.DirectorySeparatorChar, parts[..(bin - 1)]);
        string path = Path.Combine(tests, "ParallelSum.SchedulingProbe", "bin", parts[bin + 1], "net10.0", "ParallelSum.SchedulingProbe.dll");
        Assert.True(File.Exists(path), $"the scheduling probe is not built at {path}");
        return path;
    }
}

using System.Diagnostics;
using Xunit.Abstractions;

namespace ParallelSum.Orleans.Tests;

/// <summary>
/// A silo that the cluster declares dead, across hosts: Redis and two silos, each in its own network namespace. One silo is
/// frozen (SIGSTOP) long enough for the other to vote it dead, then thawed; it must end with one line and the exit code
/// docs/orleans.md gives, never with Orleans' fail-fast (a page of stack traces, exit 134).
/// </summary>
public sealed class SiloDeclaredDeadTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = SampleProcess.Deadline;

    /// <summary>Far longer than it takes the other silo to declare the frozen one dead (probes every 2 s, two missed).</summary>
    private static readonly TimeSpan Frozen = TimeSpan.FromSeconds(20);

    [NamespaceFact]
    public async Task ASiloDeclaredDead_ExitsWithOneLine_NotTheRuntimesFailFast()
    {
        Assert.Null(NetworkNamespaces.Unavailable);
        Assert.NotNull(RedisFactAttribute.RedisServerPath);
        using var hosts = NetworkNamespaces.Create("redis", "silo1", "silo2");
        var processes = new List<SampleProcess>();
        try
        {
            SampleProcess redis = hosts.Start("redis", RedisFactAttribute.RedisServerPath!, "--port", "6379", "--bind", hosts.Address("redis"), "--save", "", "--appendonly", "no", "--protected-mode", "no");
            processes.Add(redis);
            await redis.WaitForLineAsync("Ready to accept connections", StartTimeout);
            var silos = new Dictionary<string, SampleProcess>();
            foreach (string silo in new[] { "silo1", "silo2" })
            {
                // Silo 2 without the package's own membership check, which may notice first: Orleans' path is the one tested.
                string[] check = silo == "silo2" ? ["--membership-check-seconds", "0"] : [];
                silos[silo] = hosts.Start(silo, ["dotnet", SampleProcess.SiloDll, "--redis", hosts.Address("redis") + ":6379", "--address", hosts.Address(silo), "--cluster-id", "dead", .. check]);
                processes.Add(silos[silo]);
            }

            foreach (SampleProcess silo in silos.Values)
            {
                await silo.WaitForLineAsync("silo ready", StartTimeout);
            }

            // Both silos have joined; give the membership a few probe rounds to see them active, then freeze silo 2.
            await Task.Delay(TimeSpan.FromSeconds(5));
            SampleProcess victim = silos["silo2"];
            int linesBefore = Lines(victim).Length;
            victim.Signal("STOP");
            await Task.Delay(Frozen);
            victim.Signal("CONT");
            var clock = Stopwatch.StartNew();

            int exit = await victim.WaitForExitAsync(TimeSpan.FromSeconds(60));
            string[] after = Lines(victim)[linesBefore..];
            output.WriteLine($"silo 2 exited {exit} {clock.Elapsed.TotalSeconds:F1} s after SIGCONT:\n{string.Join('\n', after)}");
            Assert.Equal(DocumentedExitCodes.Silo("the cluster declared it dead"), exit);
            string line = Assert.Single(after);
            Assert.StartsWith("stderr: error: Orleans stopped this silo: ", line, StringComparison.Ordinal);
            Assert.Contains("dead", line, StringComparison.Ordinal);
            Assert.DoesNotContain("FATAL", victim.Output, StringComparison.Ordinal);
            Assert.False(silos["silo1"].HasExited, $"silo 1 stopped too:\n{silos["silo1"].Output}");
        }
        finally
        {
            foreach (SampleProcess process in processes)
            {
                process.Dispose();
            }
        }
    }

    private static string[] Lines(SampleProcess process) => process.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}

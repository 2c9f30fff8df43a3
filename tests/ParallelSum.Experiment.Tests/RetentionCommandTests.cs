using System.Text.Json;
using ParallelSum.Experiment.Retention;

namespace ParallelSum.Experiment.Tests;

/// <summary>The <c>memory</c> command, in a real process: every configuration reports every step, then the machine after
/// the child's exit; the figures are the child's own (its list is resident after the call, gone after an aggressive GC).</summary>
public sealed class RetentionCommandTests
{
    [Fact]
    public void Memory_ReportsEveryStepOfEveryConfiguration_AndTheListIsReleasedByAnAggressiveGc()
    {
        // 5e7 values: a 256 MiB list at the end, large enough to stand out from the runtime's own few tens of MiB.
        (int exitCode, string output, string error) = ProgramRun.Run(TimeSpan.FromMinutes(3), "memory", "--count", "5e7", "--json");

        Assert.True(exitCode == 0, error);
        JsonElement[] rows = [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
        foreach ((string name, _) in RetentionCommand.Configurations)
        {
            JsonElement[] mine = [.. rows.Where(r => r.GetProperty("configuration").GetString() == name)];
            Assert.Equal([.. RetentionTrialCommand.Steps, RetentionCommand.AfterExitStep], mine.Select(r => r.GetProperty("step").GetString()));
            long Rss(string step) => mine.Single(r => r.GetProperty("step").GetString() == step).GetProperty("workingSetBytes").GetInt64();
            long Heap(string step) => mine.Single(r => r.GetProperty("step").GetString() == step).GetProperty("managedHeapBytes").GetInt64();

            Assert.True(Heap("after return") > 150L << 20, $"{name}: the list's values should still be on the heap after the call returns");
            Assert.True(Heap("after GC.Collect()") < 32L << 20, $"{name}: a full collection frees the list");
            Assert.True(Rss("after return") > 150L << 20, $"{name}: the list's pages should be resident after the call");
            Assert.True(Rss("after aggressive GC") < Rss("after return") - (100L << 20), $"{name}: an aggressive collection gives the pages back");
            Assert.Equal(JsonValueKind.Null, mine[^1].GetProperty("workingSetBytes").ValueKind);
        }
    }

    [Fact]
    public void Memory_ChildThatFails_IsReportedWithTheChildsReason()
    {
        // The children inherit a 64 MiB heap cap; a list of 5e7 values needs 256 MiB, so the first configuration fails.
        var cap = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x4000000" };

        (int exitCode, _, string error) = ProgramRun.Run(TimeSpan.FromMinutes(3), cap, "memory", "--count", "5e7", "--json");

        Assert.Equal(1, exitCode);
        string first = error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.StartsWith($"error: the {RetentionCommand.Configurations[0].Name} trial failed after 1 of {RetentionTrialCommand.Steps.Count} steps: ", first, StringComparison.Ordinal);
        Assert.Contains("OutOfMemoryException", first, StringComparison.Ordinal);
        Assert.Contains("exit code 1", first, StringComparison.Ordinal);
    }
}

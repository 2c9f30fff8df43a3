using System.Globalization;
using Workloads;

// Runs three user workloads on ParallelReduction, each on one worker and on every processor, and checks that both agree.
// Exit codes follow docs/exit-codes.md: 0 all agreed, 1 a workload failed or disagreed, 130 cancelled (Ctrl+C).
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

int all = Environment.ProcessorCount;
string folder = Path.Combine(Path.GetTempPath(), $"parallelsum-workloads-{Environment.ProcessId}");
int failures = 0;
try
{
    (long inside1, double pi1) = MonteCarloPi.Run(20_000_000, 42, 1, cts.Token);
    (long insideN, double piN) = MonteCarloPi.Run(20_000_000, 42, all, cts.Token);
    failures += Report("monte-carlo pi, 2e7 points", $"{piN:F6} ({insideN} inside)", inside1 == insideN && Math.Abs(piN - Math.PI) < 0.01, $"1 worker: {pi1:F6} ({inside1} inside)");

    double[] values = ReproducibleDoubleSum.MakeValues(10_000_000, 7);
    double sum1 = ReproducibleDoubleSum.Run(values, 1, cts.Token);
    double sumN = ReproducibleDoubleSum.Run(values, all, cts.Token);
    failures += Report("sum of 1e7 doubles", sumN.ToString("R", CultureInfo.InvariantCulture), BitConverter.DoubleToInt64Bits(sum1) == BitConverter.DoubleToInt64Bits(sumN), $"1 worker: {sum1.ToString("R", CultureInfo.InvariantCulture)}");

    string[] files = FileStatistics.MakeFiles(folder, 400);
    FileTotals totals1 = FileStatistics.Run(files, 1, cts.Token);
    FileTotals totalsN = FileStatistics.Run(files, all, cts.Token);
    failures += Report("lines and bytes of 400 files", $"{totalsN.Files} files, {totalsN.Lines} lines, {totalsN.Bytes} bytes", totals1 == totalsN && totalsN.Files == files.Length, $"1 worker: {totals1}");
}
catch (OperationCanceledException) when (cts.IsCancellationRequested)
{
    Console.Error.WriteLine("workloads: cancelled");
    return 130;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"workloads: the file workload failed in {folder}: {e.Message}");
    return 1;
}
finally
{
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
}

if (failures > 0)
{
    Console.Error.WriteLine($"workloads: {failures} workload(s) gave different results on 1 and {all} workers");
}

return failures == 0 ? 0 : 1;

static int Report(string workload, string result, bool agreed, string oneWorker)
{
    Console.WriteLine($"{workload}: {result} on {Environment.ProcessorCount} workers; {(agreed ? "same" : "DIFFERENT")} on 1 worker");
    if (!agreed)
    {
        Console.Error.WriteLine($"  {workload}: {oneWorker}");
    }

    return agreed ? 0 : 1;
}

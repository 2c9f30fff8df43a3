using ParallelSum;

namespace ParallelSum.Silo;

/// <summary>Writes each progress report as a line <c>progress done/total</c> on stderr, on the reporting thread, so a watching
/// script (or test) knows when the request has really started and how far it is.</summary>
internal sealed class StderrProgress : IProgress<GenerateAndSumProgress>
{
    public void Report(GenerateAndSumProgress value) => Console.Error.WriteLine($"progress {value.CompletedCount}/{value.TotalCount}");
}

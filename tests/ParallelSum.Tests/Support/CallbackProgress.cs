namespace ParallelSum.Tests.Support;

/// <summary>A progress receiver that calls <paramref name="onReport"/> on the reporting thread, at once (unlike
/// <see cref="Progress{T}"/>, which posts to a synchronization context or the thread pool).</summary>
public sealed class CallbackProgress(Action<GenerateAndSumProgress> onReport) : IProgress<GenerateAndSumProgress>
{
    public void Report(GenerateAndSumProgress value) => onReport(value);
}

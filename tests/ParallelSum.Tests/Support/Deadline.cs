namespace ParallelSum.Tests.Support;

/// <summary>Runs a call off the test thread and fails the test (with <see cref="TimeoutException"/>) if it has not ended in time.</summary>
/// <remarks>A liveness bound, not a speed claim: each deadline is many times what the case needs, and a hang exceeds it.</remarks>
public static class Deadline
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="call"/> on the thread pool and awaits it within <paramref name="deadline"/>.</summary>
    public static Task<T> Within<T>(Func<Task<T>> call, TimeSpan? deadline = null) =>
        Task.Run(call).WaitAsync(deadline ?? Default);

    /// <summary>Awaits <paramref name="task"/> within <paramref name="deadline"/>, whatever its outcome, and returns it to inspect.</summary>
    public static async Task<Task<T>> Ended<T>(Task<T> task, TimeSpan? deadline = null)
    {
        try
        {
            await task.WaitAsync(deadline ?? Default);
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            // The outcome is the task's; the caller inspects it.
        }

        return task;
    }
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace ParallelSum.Silo;

/// <summary>
/// Replaces Orleans' fatal-error handling (a page of stack traces and <see cref="Environment.FailFast(string)"/>, exit 134)
/// in the sample: when Orleans gives up on this silo (the cluster declared it dead, or a newer silo took its place), the
/// silo prints one line on stderr, sets exit code 1 and stops, so that a supervisor starts a fresh one.
/// </summary>
internal sealed partial class OneLineFatalErrorHandler(IHostApplicationLifetime lifetime) : IFatalErrorHandler
{
    private int _handled;

    public bool IsUnexpected(Exception exception) => exception is not ThreadAbortException;

    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
    {
        // Once only, and never when the silo is already stopping for a reason it has printed (the membership check's).
        if (lifetime.ApplicationStopping.IsCancellationRequested || Interlocked.Exchange(ref _handled, 1) != 0)
        {
            return;
        }

        string reason = Whitespace().Replace($"{context}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}", " ").Trim();
        Console.Error.WriteLine($"error: Orleans stopped this silo: {reason}");
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

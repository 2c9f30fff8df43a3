using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace ParallelSum.Orleans;

/// <summary>The package's log messages, each with its own event id (client 1-99, silo 100-199). Durations are in seconds,
/// rounded to the millisecond (<see cref="Durations.Seconds"/>), so that people can read them.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Range {RangeId} [{Start}, {End}) attempt {Attempt} of {MaxAttempts} failed ({Error}); retrying in {DelaySeconds} s")]
    public static partial void RangeRetried(ILogger logger, long rangeId, long start, long end, int attempt, int maxAttempts, string error, double delaySeconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Request refused: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Silo {Silo} did not report its capacity and gets no ranges of this request: {Error}")]
    public static partial void SiloSkipped(ILogger logger, string silo, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Range {RangeId} [{Start}, {End}) failed on all {MaxAttempts} attempts: {Error}")]
    public static partial void RangeFailed(ILogger logger, long rangeId, long start, long end, int maxAttempts, string error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Request ({Request}) summed on {Silos} silos in {Ranges} ranges in {ElapsedSeconds} s")]
    public static partial void RequestCompleted(ILogger logger, GenerateAndSumRequest request, int silos, long ranges, double elapsedSeconds);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Request ({Request}) started on {Silos} silos with {Slots} range slots: up to {InFlight} ranges in flight, partitioner {Partitioner}")]
    public static partial void RequestStarted(ILogger logger, GenerateAndSumRequest request, int silos, long slots, int inFlight, string partitioner);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Request ({Request}) ended early, and not every silo confirmed that it stopped the request's ranges (they stop at their deadline): {Error}")]
    public static partial void StopNotConfirmed(ILogger logger, GenerateAndSumRequest request, string error);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Refused range [{Start}, +{Count}): {Reason}")]
    public static partial void SiloRangeRefused(ILogger logger, long start, long count, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Stopped range [{Start}, +{Count}) at its deadline of {DeadlineSeconds} s (queued and computing)")]
    public static partial void SiloRangeExpired(ILogger logger, long start, long count, double deadlineSeconds);

    [LoggerMessage(EventId = 103, Level = LogLevel.Critical, Message = "This silo ({Silo}) is {Reason} in the membership table of cluster {Cluster}; stopping so that a supervisor can restart it")]
    public static partial void MembershipLost(ILogger logger, SiloAddress silo, string reason, string cluster);

    [LoggerMessage(EventId = 105, Level = LogLevel.Critical, Message = "This silo ({Silo}) could not read its entry in the membership table of cluster {Cluster} for {Checks} checks in a row (last error: {Error}); stopping so that a supervisor can restart it")]
    public static partial void MembershipUnreachable(ILogger logger, SiloAddress silo, string cluster, int checks, string error);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Cannot read the membership table to check this silo's entry: {Error}")]
    public static partial void MembershipUnreadable(ILogger logger, string error);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "MaxQueuedRanges {MaxQueuedRanges} is less than MaxConcurrentRanges {MaxConcurrentRanges}: clients keep up to two ranges per slot in flight, so this silo refuses every request with more ranges than slots, as requests of the default size are; set MaxQueuedRanges to at least {MaxConcurrentRanges}")]
    public static partial void AdmissionRefusesDefaultRequests(ILogger logger, int maxQueuedRanges, int maxConcurrentRanges);
}

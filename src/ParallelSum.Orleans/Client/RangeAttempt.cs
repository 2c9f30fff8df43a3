namespace ParallelSum.Orleans;

/// <summary>One range of a request as the resilience pipeline's log lines name it: its number in the request and its stream
/// indices <c>[Start, End)</c>.</summary>
internal sealed record RangeAttempt(long Id, long Start, long End);

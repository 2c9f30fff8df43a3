namespace ParallelSum.Orleans;

/// <summary>Limits on the stream indices a distributed request may reach, checked by the client and again by every silo.</summary>
internal static class IndexLimits
{
    /// <summary>
    /// The largest end index (start + count) accepted: <see cref="long.MaxValue"/> − 2^32. The in-grain strategy steps through a
    /// range in pieces, and a piece's end must stay representable; requests whose indices reach the very top of the index space
    /// are refused with a clear message instead of being computed.
    /// </summary>
    public const long MaxEndIndex = long.MaxValue - (1L << 32);

    /// <summary>Describes the accepted index space for error messages.</summary>
    public static string Accepted => $"start index 0 or more and start index + count at most {MaxEndIndex}";
}

namespace ParallelSum.Orleans;

/// <summary>
/// The exact sum of one index range as computed by a grain, in a form Orleans serializes with its generated code
/// (<see cref="Int128"/> is carried as its high and low 64-bit halves), and the silo that computed it.
/// </summary>
/// <param name="High">The upper 64 bits of the two's-complement sum.</param>
/// <param name="Low">The lower 64 bits of the two's-complement sum.</param>
/// <param name="Silo">The address of the silo that computed the sum.</param>
[GenerateSerializer]
[Alias("ParallelSum.Orleans.RangeSum")]
internal sealed record RangeSum([property: Id(0)] ulong High, [property: Id(1)] ulong Low, [property: Id(2)] string Silo)
{
    /// <summary>Gets the exact sum.</summary>
    public Int128 Sum => new(High, Low);

    /// <summary>Creates a <see cref="RangeSum"/> from an exact sum and the silo that computed it.</summary>
    public static RangeSum From(Int128 sum, string silo) => new((ulong)(sum >> 64), (ulong)sum, silo);
}

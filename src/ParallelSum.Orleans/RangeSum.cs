namespace ParallelSum.Orleans;

/// <summary>
/// The exact sum of one index range as computed by a grain, in a form Orleans serializes with its generated code
/// (Int128 is carried as its high and low 64-bit halves), plus the silo that computed it.
/// </summary>
/// <param name="High">The upper 64 bits of the two's-complement Int128 sum.</param>
/// <param name="Low">The lower 64 bits of the two's-complement Int128 sum.</param>
/// <param name="Silo">The address of the silo that computed the sum.</param>
[GenerateSerializer]
public sealed record RangeSum([property: Id(0)] ulong High, [property: Id(1)] ulong Low, [property: Id(2)] string Silo)
{
    /// <summary>The exact sum.</summary>
    public Int128 Sum => new(High, Low);

    /// <summary>Creates a <see cref="RangeSum"/> from an exact sum and the silo that computed it.</summary>
    /// <param name="sum">The exact sum.</param>
    /// <param name="silo">The address of the silo that computed it.</param>
    /// <returns>The serializable sum.</returns>
    public static RangeSum From(Int128 sum, string silo) => new((ulong)(sum >> 64), (ulong)sum, silo);
}

namespace ParallelSum.Generation.Kernels;

/// <summary>
/// What the kernel loop does with each block of scaled lanes, whose high 32 bits hold the offsets (see <see cref="IRangeMultiply"/>):
/// sum them or store the values. The loop is generic over it (TensorPrimitives' aggregation and unary operators), so the JIT
/// compiles one specialised loop per operation with every call inlined and no virtual dispatch.
/// </summary>
/// <remarks>The loop owns the state, a running vector total and a destination, so everything stays in registers; an operation
/// uses what it needs and ignores the rest (a sum never touches the destination, a store returns the total unchanged).</remarks>
internal interface IKernelOperation
{
    /// <summary>Takes one block of four scaled vectors, the values at <c>offset, offset + 1, …, offset + 4 * Lanes - 1</c> from
    /// the loop's start: returns the running total with the block's offsets added, or stores the block's values
    /// (<paramref name="min"/> plus each offset) at <c>destination + offset</c>.</summary>
    static abstract TVector Apply<TWidth, TVector>(TVector total, TVector s0, TVector s1, TVector s2, TVector s3, uint min, ref int destination, nuint offset)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct;

    /// <summary>The sum of the offsets the running <paramref name="total"/> holds; 0 for a store.</summary>
    static abstract ulong Total<TWidth, TVector>(TVector total)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct;
}

using System.Runtime.Intrinsics;

namespace ParallelSum.Generation.Kernels;

/// <summary>
/// The vector operations <see cref="VectorKernel{TWidth, TVector}"/> needs, for one width: <typeparamref name="TVector"/> holds
/// 64-bit lanes. Implemented by small structs (as TensorPrimitives does with its operators), so the JIT compiles one
/// specialised kernel per width with every call inlined and no virtual dispatch.
/// </summary>
/// <typeparam name="TVector">The vector of 64-bit lanes, such as <see cref="Vector512{T}"/> of <see cref="ulong"/>.</typeparam>
internal interface IVectorWidth<TVector>
    where TVector : struct
{
    /// <summary>Gets whether this width runs in hardware here, with every operation below accelerated.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>Gets the number of 64-bit lanes.</summary>
    static abstract int Lanes { get; }

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TVector Create(ulong value);

    /// <summary>The lanes 0, 1, 2, …, <c>Lanes - 1</c>.</summary>
    static abstract TVector Indices { get; }

    static abstract TVector Add(TVector left, TVector right);

    static abstract TVector Xor(TVector left, TVector right);

    /// <summary>The low 64 bits of each lane's product.</summary>
    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary>The full 64-bit product of each lane's low 32 bits: one widening multiply per lane.</summary>
    static abstract TVector MultiplyLow32(TVector left, TVector right);

    static abstract TVector ShiftRightLogical(TVector value, int count);

    /// <summary>The wrapping sum of the lanes.</summary>
    static abstract ulong Sum(TVector value);

    /// <summary>The sum of each 32-bit half on its own, with no carry between halves.</summary>
    static abstract TVector Add32(TVector left, TVector right);

    /// <summary>The unsigned minimum of each 32-bit half on its own.</summary>
    static abstract TVector Min32(TVector left, TVector right);

    /// <summary>Whether every 32-bit half of <paramref name="value"/> is above <paramref name="limit"/> (unsigned).</summary>
    static abstract bool GreaterThanAll32(TVector value, uint limit);

    /// <summary>Stores the high 32 bits of each lane of <paramref name="first"/>, then of <paramref name="second"/>, each plus
    /// <paramref name="add"/> (wrapping), as <c>2 * Lanes</c> ints at <c>destination + offset</c>.</summary>
    static abstract void StoreHighHalves(TVector first, TVector second, uint add, ref int destination, nuint offset);
}

namespace ParallelSum.Numerics;

/// <summary>What a sum has seen besides its finite value: whatever IEEE 754 needs to give the special results.</summary>
[Flags]
internal enum SumFlags
{
    /// <summary>Nothing added yet.</summary>
    None = 0,

    /// <summary>At least one value was added.</summary>
    AnyValue = 1,

    /// <summary>At least one value other than −0.0 was added, so an exact zero is +0.0.</summary>
    NotNegativeZero = 2,

    /// <summary>A +∞ was added.</summary>
    PositiveInfinity = 4,

    /// <summary>A −∞ was added.</summary>
    NegativeInfinity = 8,

    /// <summary>A NaN was added.</summary>
    NaN = 16,
}

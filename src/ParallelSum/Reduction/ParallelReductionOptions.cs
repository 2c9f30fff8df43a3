namespace ParallelSum;

/// <summary>Options of <see cref="ParallelReduction"/>: the grain size that fixes the result, and how the grains are scheduled.</summary>
/// <remarks>
/// <para>The inherited <see cref="PartitionedStrategyOptions.Partitioner"/> splits the grain indices
/// <c>[0, ceil(count / GrainSize))</c>, not the element indices, and <see cref="PartitionedStrategyOptions.MaxDegreeOfParallelism"/>
/// limits the workers. Neither changes the result: only the count and <see cref="GrainSize"/> do.</para>
/// <para>Validated once, when a reduction starts; immutable after that.</para>
/// </remarks>
public sealed class ParallelReductionOptions : PartitionedStrategyOptions
{
    /// <summary>Gets how many consecutive indices make one grain: the body is called once per grain, and the partial results
    /// combine in a fixed binary tree over grain indices.</summary>
    /// <value>Defaults to 4096; from 1 to <see cref="long.MaxValue"/>. Larger grains cost less per index; smaller ones balance better.</value>
    public long GrainSize { get; init; } = 4096;

    /// <summary>Gets the token that stops the reduction; it is checked before every sequence, range and grain.</summary>
    /// <value>Defaults to <see cref="CancellationToken.None"/>.</value>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Gets the receiver of how many indices have been reduced so far, never decreasing, and <c>count</c> once at the end.</summary>
    /// <value>Defaults to <see langword="null"/>: no reports. A handler that throws is not called again; the reduction goes on.</value>
    public IProgress<long>? Progress { get; init; }

    /// <inheritdoc />
    internal override void Validate(string parameterName)
    {
        base.Validate(parameterName);
        if (GrainSize < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, GrainSize, $"{parameterName}.GrainSize must be from 1 to {long.MaxValue}.");
        }
    }
}

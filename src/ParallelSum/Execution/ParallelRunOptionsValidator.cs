using Microsoft.Extensions.Options;

namespace ParallelSum.Execution;

/// <summary>Checks <see cref="ParallelRunOptions"/> against its validation attributes; the checks are written by the options
/// validation source generator, so they need no reflection and stay trimming- and AOT-safe.</summary>
[OptionsValidator]
internal sealed partial class ParallelRunOptionsValidator : IValidateOptions<ParallelRunOptions>
{
    private static readonly ParallelRunOptionsValidator Instance = new();

    /// <summary>Throws an <see cref="ArgumentException"/> naming every option out of range.</summary>
    public static void ThrowIfInvalid(ParallelRunOptions options, string parameterName)
    {
        ValidateOptionsResult result = Instance.Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException($"{parameterName}: {result.FailureMessage}", parameterName);
        }
    }
}

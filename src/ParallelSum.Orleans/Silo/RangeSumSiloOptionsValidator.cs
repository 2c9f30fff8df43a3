using Microsoft.Extensions.Options;

namespace ParallelSum.Orleans;

/// <summary>Validates <see cref="RangeSumSiloOptions"/>: each failure names the option, the bad value and what is accepted.</summary>
public sealed class RangeSumSiloOptionsValidator : IValidateOptions<RangeSumSiloOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RangeSumSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxConcurrentRanges < 1)
        {
            failures.Add($"RangeSumSiloOptions.MaxConcurrentRanges must be 1 or more, got {options.MaxConcurrentRanges}.");
        }

        if (options.MaxQueuedRanges < 0)
        {
            failures.Add($"RangeSumSiloOptions.MaxQueuedRanges must be 0 or more, got {options.MaxQueuedRanges}.");
        }

        if (options.MaxValuesPerRange < 1)
        {
            failures.Add($"RangeSumSiloOptions.MaxValuesPerRange must be 1 or more, got {options.MaxValuesPerRange}.");
        }

        if (options.MaxRangeDuration <= TimeSpan.Zero || options.MaxRangeDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"RangeSumSiloOptions.MaxRangeDuration must be more than 0 and at most 1 day, got {options.MaxRangeDuration}.");
        }

        if (options.MembershipCheckInterval != TimeSpan.Zero && (options.MembershipCheckInterval < TimeSpan.FromSeconds(1) || options.MembershipCheckInterval > TimeSpan.FromDays(1)))
        {
            failures.Add($"RangeSumSiloOptions.MembershipCheckInterval must be 0 (off) or from 1 s to 1 day, got {options.MembershipCheckInterval}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

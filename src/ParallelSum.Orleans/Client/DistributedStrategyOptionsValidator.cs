using Microsoft.Extensions.Options;

namespace ParallelSum.Orleans;

/// <summary>Validates <see cref="DistributedStrategyOptions"/>: each failure names the option, the bad value and what is accepted.</summary>
public sealed class DistributedStrategyOptionsValidator : IValidateOptions<DistributedStrategyOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DistributedStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.RangesPerCore < 1)
        {
            failures.Add($"DistributedStrategyOptions.RangesPerCore must be 1 or more, got {options.RangesPerCore}.");
        }

        if (options.MaxAttemptsPerRange < 1)
        {
            failures.Add($"DistributedStrategyOptions.MaxAttemptsPerRange must be 1 or more, got {options.MaxAttemptsPerRange}.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromHours(1))
        {
            failures.Add($"DistributedStrategyOptions.RetryDelay must be from 0 to 1 hour, got {options.RetryDelay}.");
        }

        if (options.RangeTimeout <= TimeSpan.Zero || options.RangeTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"DistributedStrategyOptions.RangeTimeout must be more than 0 and at most 1 day, got {options.RangeTimeout}.");
        }

        if (options.MaxValuesPerRequest < 1)
        {
            failures.Add($"DistributedStrategyOptions.MaxValuesPerRequest must be 1 or more, got {options.MaxValuesPerRequest}.");
        }

        if (options.MaxValuesPerRange < 1)
        {
            failures.Add($"DistributedStrategyOptions.MaxValuesPerRange must be 1 or more, got {options.MaxValuesPerRange}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

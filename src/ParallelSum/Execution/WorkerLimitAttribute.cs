using System.ComponentModel.DataAnnotations;

namespace ParallelSum.Execution;

/// <summary>Validates a worker limit as <see cref="ParallelOptions.MaxDegreeOfParallelism"/> takes it: -1 for no limit, or 1 or
/// more; the message names the value given.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class WorkerLimitAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is int limit && (limit == -1 || limit >= 1)
            ? ValidationResult.Success
            : new ValidationResult($"must be -1 (no limit: one worker per processor) or from 1 to 2147483647; it is {value}.", validationContext.MemberName is { } member ? [member] : null);
}

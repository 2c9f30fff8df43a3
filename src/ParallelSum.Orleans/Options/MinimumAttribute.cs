using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ParallelSum.Orleans;

/// <summary>Validates a whole-number option against its smallest accepted value; the message names the value given (the
/// options validation source generator's own range check would not).</summary>
/// <param name="minimum">The smallest accepted value.</param>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class MinimumAttribute(long minimum) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is int or long && Convert.ToInt64(value, CultureInfo.InvariantCulture) >= minimum
            ? ValidationResult.Success
            : new ValidationResult(
                string.Create(CultureInfo.InvariantCulture, $"must be {minimum} or more; it is {value}."),
                [validationContext.DisplayName ?? validationContext.MemberName ?? "value"]);
}

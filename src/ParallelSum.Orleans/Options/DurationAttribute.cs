using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ParallelSum.Orleans;

/// <summary>Validates a <see cref="TimeSpan"/> option against the durations it accepts, in seconds; the message names the
/// value given.</summary>
/// <param name="minimumSeconds">The shortest accepted duration (see <see cref="MinimumIsExclusive"/>).</param>
/// <param name="maximumSeconds">The longest accepted duration.</param>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class DurationAttribute(double minimumSeconds, double maximumSeconds) : ValidationAttribute
{
    /// <summary>Gets or sets whether the minimum itself is refused (the duration must be longer).</summary>
    public bool MinimumIsExclusive { get; set; }

    /// <summary>Gets or sets whether zero is accepted besides the range, meaning "off".</summary>
    public bool ZeroMeansOff { get; set; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is TimeSpan duration && Accepts(duration))
        {
            return ValidationResult.Success;
        }

        string range = MinimumIsExclusive
            ? $"more than {Seconds(minimumSeconds)} and at most {Seconds(maximumSeconds)}"
            : $"from {Seconds(minimumSeconds)} to {Seconds(maximumSeconds)}";
        string it = value is TimeSpan given ? Seconds(given.TotalSeconds) : $"{value}";
        return new ValidationResult(
            $"must be {(ZeroMeansOff ? "0 (off) or " : "")}{range}; it is {it}.",
            [validationContext.DisplayName ?? validationContext.MemberName ?? "value"]);
    }

    private bool Accepts(TimeSpan duration)
    {
        double seconds = duration.TotalSeconds;
        return (ZeroMeansOff && duration == TimeSpan.Zero)
            || ((MinimumIsExclusive ? seconds > minimumSeconds : seconds >= minimumSeconds) && seconds <= maximumSeconds);
    }

    private static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.###} s");
}

using System.CommandLine.Parsing;
using System.Globalization;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.CommandLine;

/// <summary>
/// Parsers for option values that report a malformed value as one parse error naming the option and what it accepts,
/// where System.CommandLine's default parsers would throw from the first validator that reads the value.
/// </summary>
internal static class OptionParsers
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Func<ArgumentResult, int> WholeNumber(int min, int max) => result =>
        TryToken(result, out string token) && int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : Refuse<int>(result, RangeText(min, max));

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, for an option with no default value.</summary>
    public static Func<ArgumentResult, int?> OptionalWholeNumber(int min, int max)
    {
        Func<ArgumentResult, int> parse = WholeNumber(min, max);
        return result => result.Tokens.Count == 0 ? null : parse(result);
    }

    /// <summary>A seed: any whole number from 0 to 2^64 - 1.</summary>
    public static Func<ArgumentResult, ulong> Seed() => result =>
        TryToken(result, out string token) && ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value)
            ? value
            : Refuse<ulong>(result, $"a whole number from 0 to {ulong.MaxValue}");

    /// <summary>A count of values: 0 or more, written as <see cref="CountList"/> writes one.</summary>
    public static Func<ArgumentResult, long> Count() => result =>
        TryToken(result, out string token) && CountList.TryParseOne(token, out long value)
            ? value
            : Refuse<long>(result, CountList.AcceptedOne);

    /// <summary>A count of values from 0 to <paramref name="max"/>, written as <see cref="CountList"/> writes one; <paramref name="why"/> says where the maximum comes from.</summary>
    public static Func<ArgumentResult, long> Count(long max, string why) => result =>
        TryToken(result, out string token) && CountList.TryParseOne(token, out long value) && value <= max
            ? value
            : Refuse<long>(result, string.Create(CultureInfo.InvariantCulture, $"a whole number from 0 to {max} ({why}), plain (1000, 1_000) or as a power of ten (1e3, 2.5e6)"));

    /// <summary>A number of seconds, more than 0 and at most <paramref name="max"/>.</summary>
    public static Func<ArgumentResult, double> Seconds(double max) => result =>
        TryToken(result, out string token) && double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) && value > 0 && value <= max
            ? value
            : Refuse<double>(result, string.Create(CultureInfo.InvariantCulture, $"a number of seconds more than 0 and at most {max}"));

    /// <summary>One of <paramref name="names"/>, exactly.</summary>
    public static Func<ArgumentResult, string> OneOf(IReadOnlyList<string> names) => result =>
        TryToken(result, out string token) && names.Contains(token, StringComparer.Ordinal)
            ? token
            : Refuse<string>(result, $"one of {string.Join(", ", names)}");

    /// <summary>Adds the parse error <c>--option: 'value' is not accepted; expected …</c> and returns a placeholder.</summary>
    public static T Refuse<T>(ArgumentResult result, string accepted)
    {
        string name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        string given = result.Tokens.Count == 0 ? "no value" : $"'{string.Join(' ', result.Tokens.Select(t => t.Value))}'";
        result.AddError($"{name}: {given} is not accepted; expected {accepted}.");
        return default!;
    }

    private static bool TryToken(ArgumentResult result, out string token)
    {
        token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        return result.Tokens.Count == 1;
    }

    private static string RangeText(int min, int max) => (min, max) switch
    {
        (int.MinValue, int.MaxValue) => $"a whole number from {int.MinValue} to {int.MaxValue}",
        (_, int.MaxValue) => $"a whole number of {min} or more (at most {int.MaxValue})",
        _ => $"a whole number from {min} to {max}",
    };
}

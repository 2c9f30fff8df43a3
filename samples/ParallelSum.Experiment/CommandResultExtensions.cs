using System.CommandLine;
using System.CommandLine.Parsing;

namespace ParallelSum.Experiment;

/// <summary>Option values as a command's validators need them.</summary>
internal static class CommandResultExtensions
{
    /// <summary>
    /// The value of <paramref name="option"/>, or <paramref name="fallback"/> when it was not given: System.CommandLine runs
    /// command validators before it fills in default values, so there an absent option reads as null or zero.
    /// </summary>
    public static T ValueOr<T>(this CommandResult result, Option<T> option, T fallback) =>
        result.GetResult(option) is { Implicit: false } ? result.GetValue(option)! : fallback;
}

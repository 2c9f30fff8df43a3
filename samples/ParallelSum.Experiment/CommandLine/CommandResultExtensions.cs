using System.CommandLine;
using System.CommandLine.Parsing;

namespace ParallelSum.Experiment.CommandLine;

/// <summary>Option values as a command's validators need them.</summary>
internal static class CommandResultExtensions
{
    /// <summary>
    /// The value of <paramref name="option"/>, or <paramref name="fallback"/> when it was not given or is malformed:
    /// System.CommandLine runs command validators before it fills in default values, so there an absent option reads as
    /// null or zero; and a malformed value throws when read, while its parse error is already among the parse result's
    /// errors (one line naming the option), so the validator only has to skip it.
    /// </summary>
    public static T ValueOr<T>(this CommandResult result, Option<T> option, T fallback)
    {
        if (result.GetResult(option) is not { Implicit: false })
        {
            return fallback;
        }

        try
        {
            return result.GetValue(option)!;
        }
        catch (InvalidOperationException)
        {
            return fallback;
        }
    }

    /// <summary>Adds an error when the value bounds <paramref name="min"/> and <paramref name="max"/> are the wrong way round.</summary>
    public static void RequireMinNotAboveMax(this CommandResult result, Option<int> min, Option<int> max)
    {
        int low = result.ValueOr(min, RandomStream.DefaultMin);
        int high = result.ValueOr(max, RandomStream.DefaultMax);
        if (low > high)
        {
            result.AddError($"{min.Name} ({low}) must not be greater than {max.Name} ({high}).");
        }
    }
}

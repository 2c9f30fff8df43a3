using System.CommandLine;

namespace ParallelSum.Experiment.CommandLine;

/// <summary>The options every command that generates values takes for the stream: seed and value range.</summary>
internal static class RequestOptions
{
    /// <summary>A new <c>--seed</c> option: any 64-bit unsigned value, default 42.</summary>
    public static Option<ulong> Seed() => new("--seed")
    {
        Description = "The random stream's seed (any 64-bit unsigned value).",
        DefaultValueFactory = _ => 42,
        CustomParser = OptionParsers.Seed(),
    };

    /// <summary>A new <c>--min</c> option: the inclusive lower bound of each value.</summary>
    public static Option<int> Min() => new("--min")
    {
        Description = "The inclusive lower bound of each value.",
        DefaultValueFactory = _ => RandomStream.DefaultMin,
        CustomParser = OptionParsers.WholeNumber(int.MinValue, int.MaxValue),
    };

    /// <summary>A new <c>--max</c> option: the inclusive upper bound of each value, at least <c>--min</c>.</summary>
    public static Option<int> Max() => new("--max")
    {
        Description = "The inclusive upper bound of each value (at least --min).",
        DefaultValueFactory = _ => RandomStream.DefaultMax,
        CustomParser = OptionParsers.WholeNumber(int.MinValue, int.MaxValue),
    };
}

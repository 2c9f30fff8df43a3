namespace ParallelSum.Benchmarks;

/// <summary>A benchmark case written <c>name@count</c>: a built-in strategy and a request of that many values, seed 42.</summary>
internal static class StrategyCase
{
    public static (GenerateAndSumStrategy Strategy, GenerateAndSumRequest Request) Parse(string text)
    {
        string[] parts = text.Split('@');
        return (GenerateAndSumStrategies.Create(parts[0]), new GenerateAndSumRequest(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 42));
    }
}

// What a .NET developer writes first, without ParallelSum, timed the way the comparison command times everything:
//   list-random  List<int> filled with Random.Shared.Next, then summed (the original script, ported literally)
//   plinq        ParallelEnumerable.Range(...).Select(Random.Shared.Next).Sum() over all cores
// An optional third argument, warmup, runs the method that many times untimed first.
// Prints one JSON object: {"method", "count", "sum", "seconds"}. The values are not the ParallelSum stream, so sums differ.
using System.Diagnostics;
using System.Globalization;

int warmup = 0;
if (args.Length is < 2 or > 3 || args[0] is not ("list-random" or "plinq") || !int.TryParse(args[1], CultureInfo.InvariantCulture, out int count) || count < 0
    || (args.Length == 3 && (!int.TryParse(args[2], CultureInfo.InvariantCulture, out warmup) || warmup < 0)))
{
    Console.Error.WriteLine("usage: ParallelSum.Baselines list-random|plinq <count 0..2147483647> [warmup 0..]");
    return 2;
}

for (int i = 0; i < warmup; i++)
{
    _ = Run(args[0], count);
}

long started = Stopwatch.GetTimestamp();
long sum = Run(args[0], count);
double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""{"method":"{{args[0]}}","count":{{count}},"sum":"{{sum}}","seconds":{{seconds:R}}}"""));
return 0;

static long Run(string method, int count)
{
    long sum = 0;
    if (method == "list-random")
    {
        var values = new List<int>();
        for (int i = 0; i < count; i++)
        {
            values.Add(Random.Shared.Next(0, 11));
        }

        foreach (int v in values)
        {
            sum += v;
        }
    }
    else
    {
        sum = ParallelEnumerable.Range(0, count).Select(_ => (long)Random.Shared.Next(0, 11)).Sum();
    }

    return sum;
}

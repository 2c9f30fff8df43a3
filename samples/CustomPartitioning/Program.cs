// Uses ParallelSum the way a package consumer does: the one-call sum, its own partitioner and its own strategy beside the
// built-in ones, the BCL's range partitioner, its own reduction over a double[] (the same bits on 1 and 2 workers), and an
// await that does not block. Exits 1 if any check fails.
using System.Collections.Concurrent;
using CustomPartitioning;
using ParallelSum;
using ParallelSum.Execution;
using ParallelSum.Strategies;

var request = new GenerateAndSumRequest(count: 50_000_003, seed: 42, min: -7, max: 1000);
Int128 definition = request.Stream.ReferenceSum(request.StartIndex, request.Count);
var guided = new ParallelRunOptions { Partitioner = new GuidedPartitioner(minimumChunk: 1 << 16) };
var bclRanges = new ParallelRunOptions { Partitioner = Partitioner.Create(0L, request.Count, 1 << 20) };

IGenerateAndSum[] strategies =
[
    .. GenerateAndSumStrategies.Names.Select(name => GenerateAndSumStrategies.Create(name)),
    new StreamingStrategy(guided),
    new SimdChunksStrategy(guided),
    new StreamingStrategy(bclRanges),
    new SliceFanOutStrategy(new AutoStrategy(), slices: 7),
];

Console.WriteLine($"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {request}: sequential definition {definition}");
bool allAgree = true;
foreach (IGenerateAndSum strategy in strategies)
{
    GenerateAndSumResult result = await strategy.GenerateAndSumAsync(request);
    bool agrees = result.Sum == definition;
    allAgree &= agrees;
    Console.WriteLine($"{result.Strategy,-34} {result.Partitioner ?? "-",-36} {result.Sum,14} {result.Elapsed.TotalMilliseconds,9:F1} ms  {(agrees ? "agrees" : "DIFFERS")}");
}

Console.WriteLine(allAgree ? "all sums agree" : "SUMS DIFFER");

// The common case in one call.
bool oneCall = RandomStreamSum.Sum(request.Count, request.Seed, request.Min, request.Max) == definition;
Console.WriteLine($"RandomStreamSum.Sum: {(oneCall ? "agrees" : "DIFFERS")}");

// Our own data through the same engine: a floating-point sum whose bits do not depend on how many workers ran.
double[] values = [.. Enumerable.Range(1, 3_000_001).Select(i => Math.Sin(i) / i)];
double Reduce(int workers) => ParallelReduction.Reduce(values.LongLength, grainSize: 8192, 0.0,
    range =>
    {
        double s = 0;
        for (long i = range.Start; i < range.End; i++)
        {
            s += values[i];
        }

        return s;
    },
    (left, right) => left + right,
    new ParallelRunOptions { MaxDegreeOfParallelism = workers });
double one = Reduce(1), two = Reduce(2);
bool sameBits = BitConverter.DoubleToInt64Bits(one) == BitConverter.DoubleToInt64Bits(two);
Console.WriteLine($"reduction over {values.Length} doubles: {one:R} on 1 worker, {two:R} on 2: {(sameBits ? "same bits" : "BITS DIFFER")}");

// A long request awaited without blocking: the task comes back before the work is done, and this thread stays free.
Task<GenerateAndSumResult> pending = RandomStreamSum.RunAsync(new GenerateAndSumRequest(4_000_000_000, seed: 42));
bool returnedEarly = !pending.IsCompleted;
GenerateAndSumResult big = await pending;
Console.WriteLine($"RunAsync(4e9) returned {(returnedEarly ? "before" : "AFTER")} the work ended; sum {big.Sum}");

return allAgree && oneCall && sameBits && returnedEarly ? 0 : 1;

// Uses ParallelSum the way a package consumer does: its own partitioner and its own strategy beside the built-in ones.
// Exits 1 if any sum differs from the sequential definition.
using CustomPartitioning;
using ParallelSum;

var request = new GenerateAndSumRequest(count: 50_000_003, seed: 42, min: -7, max: 1000);
Int128 definition = request.Stream.ReferenceSum(request.StartIndex, request.Count);
var guided = new GuidedPartitioner(workerCount: Environment.ProcessorCount, minimumChunk: 1 << 16);

IGenerateAndSum[] strategies =
[
    .. GenerateAndSumStrategies.Names.Select(name => GenerateAndSumStrategies.Create(name)),
    new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = guided }),
    new SimdChunksStrategy(new SimdChunksStrategyOptions { Partitioner = guided }),
    new SliceFanOutStrategy(new AutoStrategy(), slices: 7),
];

Console.WriteLine($"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {request}: sequential definition {definition}");
bool allAgree = true;
foreach (IGenerateAndSum strategy in strategies)
{
    GenerateAndSumResult result = await strategy.GenerateAndSumAsync(request);
    bool agrees = result.Sum == definition;
    allAgree &= agrees;
    Console.WriteLine($"{result.Strategy,-34} {result.Partitioner ?? "-",-24} {result.Sum,14} {result.Elapsed.TotalMilliseconds,9:F1} ms  {(agrees ? "agrees" : "DIFFERS")}");
}

Console.WriteLine(allAgree ? "all sums agree" : "SUMS DIFFER");
return allAgree ? 0 : 1;

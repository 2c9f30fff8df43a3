// Each scenario prints one line "name value" per measurement (milliseconds, or a count) and exits 0; anything else is a
// failure the test reports with this program's output. Scenarios:
//   fan-out CALLS COUNT      CALLS concurrent calls of COUNT values each: RunAsync, Reduce from Task.Run, and the same work
//                            under Parallel.For from Task.Run; the best of several rounds of each, interleaved
//   nested                   Reduce inside a Reduce body with the pool capped at 4 threads, and nested Parallel.For alike
//   timer-cancel KIND        a long RunAsync or ReduceAsync canceled by CancelAfter(200), in this fresh process
//   caller-alone             every pool thread blocked: a synchronous GenerateAndSum and Reduce still finish, on the caller
using System.Diagnostics;
using System.Globalization;
using ParallelSum;
using ParallelSum.Execution;
using ParallelSum.Generation;
using ParallelSum.Strategies;

string scenario = args.Length > 0 ? args[0] : "";
switch (scenario)
{
    case "fan-out":
        FanOut(int.Parse(args[1], CultureInfo.InvariantCulture), long.Parse(args[2], CultureInfo.InvariantCulture));
        break;
    case "nested":
        Nested();
        break;
    case "timer-cancel":
        TimerCancel(args[1]);
        break;
    case "caller-alone":
        CallerAlone();
        break;
    default:
        Console.Error.WriteLine($"unknown scenario '{scenario}'; expected fan-out, nested, timer-cancel or caller-alone");
        return 2;
}

return 0;

static void Print(string name, double value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:F3}"));

// A reduction whose grains are summed by the streaming kernel on one thread each: the same work as the Parallel.For fan-out's.
static long ReduceSum(long count, ulong seed, long grainSize = 1 << 16) =>
    ParallelReduction.Reduce(count, grainSize, 0L, range => (long)Kernel.Single.GenerateAndSum(new GenerateAndSumRequest(range.Length, seed, startIndex: range.Start)).Sum, (a, b) => a + b);

static void FanOut(int calls, long count)
{
    StreamingStrategy single = Kernel.Single;
    int blocks = Environment.ProcessorCount;
    Int128 expected = RandomStreamSum.Sum(count, 7);

    // The same work under Parallel.For: one block per processor, each summed by the streaming kernel on its own thread.
    Int128 ParallelForSum()
    {
        Int128 total = 0;
        object gate = new();
        Parallel.For(0, blocks, () => Int128.Zero, (b, _, partial) =>
        {
            long start = count * b / blocks, end = count * (b + 1) / blocks;
            return partial + single.GenerateAndSum(new GenerateAndSumRequest(end - start, 7, startIndex: start)).Sum;
        }, partial => { lock (gate) { total += partial; } });
        return total;
    }

    var cases = new (string Name, Func<Task> Round)[]
    {
        ("parallel-for", () => Task.WhenAll(Enumerable.Range(0, calls).Select(_ => Task.Run(() => Check(ParallelForSum(), expected))))),
        ("run-async", () => Task.WhenAll(Enumerable.Range(0, calls).Select(async _ => Check((await RandomStreamSum.RunAsync(new GenerateAndSumRequest(count, 7))).Sum, expected)))),
        // One grain per processor: the same blocks as the Parallel.For baseline's, so only the scheduling differs.
        ("reduce", () => Task.WhenAll(Enumerable.Range(0, calls).Select(_ => Task.Run(() => Check(ReduceSum(count, 7, (count + blocks - 1) / blocks), expected))))),
    };
    var best = cases.ToDictionary(c => c.Name, _ => double.MaxValue);
    for (int round = 0; round < 11; round++)
    {
        foreach ((string name, Func<Task> run) in cases)
        {
            long started = Stopwatch.GetTimestamp();
            run().GetAwaiter().GetResult();
            best[name] = Math.Min(best[name], Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    foreach ((string name, double ms) in best)
    {
        Print(name, ms);
    }
}

static void Check(Int128 actual, Int128 expected)
{
    if (actual != expected)
    {
        throw new InvalidOperationException($"sum {actual}, expected {expected}");
    }
}

static void Nested()
{
    ThreadPool.SetMinThreads(2, 2);
    if (!ThreadPool.SetMaxThreads(4, 4))
    {
        throw new InvalidOperationException("could not cap the thread pool at 4 threads");
    }

    long started = Stopwatch.GetTimestamp();
    long outer = ParallelReduction.Reduce(16, 1, 0L, grain => ReduceSum(100_000, (ulong)grain.Start), (a, b) => a + b);
    Print("reduce", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    long expected = Enumerable.Range(0, 16).Sum(g => (long)new RandomStream((ulong)g).ReferenceSum(0, 100_000));
    Check(outer, expected);

    started = Stopwatch.GetTimestamp();
    long viaParallelFor = 0;
    Parallel.For(0, 16, g =>
    {
        long inner = 0;
        Parallel.For(0, 2, b => Interlocked.Add(ref inner, (long)new RandomStream((ulong)g).ReferenceSum(b * 50_000, 50_000)));
        Interlocked.Add(ref viaParallelFor, inner);
    });
    Print("parallel-for", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    Check(viaParallelFor, expected);
}

static void TimerCancel(string kind)
{
    using var cts = new CancellationTokenSource();
    Task work = kind switch
    {
        "run-async" => RandomStreamSum.RunAsync(new GenerateAndSumRequest(1_000_000_000_000, 1), null, cts.Token),
        "reduce-async" => ParallelReduction.ReduceAsync(1_000_000_000_000, 1 << 20, Int128.Zero, range => new RandomStream(1).ReferenceSum(range.Start, range.Length), (a, b) => a + b, cancellationToken: cts.Token),
        _ => throw new ArgumentException($"unknown kind '{kind}'; expected run-async or reduce-async"),
    };
    long started = Stopwatch.GetTimestamp();
    cts.CancelAfter(200);
    try
    {
        work.GetAwaiter().GetResult();
        throw new InvalidOperationException("the call ended without being canceled");
    }
    catch (OperationCanceledException)
    {
        Print("canceled-after", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}

static void CallerAlone()
{
    // Every pool thread blocked until the calls are done: only the calling thread can do the work.
    ThreadPool.SetMinThreads(2, 2);
    ThreadPool.SetMaxThreads(2, 2);
    using var release = new ManualResetEventSlim();
    using var blocked = new CountdownEvent(2);
    for (int i = 0; i < 2; i++)
    {
        ThreadPool.UnsafeQueueUserWorkItem(_ => { blocked.Signal(); release.Wait(); }, null);
    }

    blocked.Wait();
    long started = Stopwatch.GetTimestamp();
    Int128 sum = new StreamingStrategy().GenerateAndSum(new GenerateAndSumRequest(100_000_000, 3)).Sum;
    long reduced = ReduceSum(10_000_000, 3);
    Print("alone", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    release.Set();
    Check(sum, RandomStreamSum.Sum(100_000_000, 3));
    Check(reduced, RandomStreamSum.Sum(10_000_000, 3));
}

/// <summary>The streaming kernel on the calling thread alone: the body both the reductions and the Parallel.For baseline run.</summary>
internal static class Kernel
{
    public static readonly StreamingStrategy Single = new(new ParallelRunOptions { MaxDegreeOfParallelism = 1 });
}

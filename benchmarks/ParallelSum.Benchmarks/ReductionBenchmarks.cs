using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;

namespace ParallelSum.Benchmarks;

/// <summary>
/// <see cref="ParallelReduction"/> against the idiomatic BCL ways to sum a <c>double[]</c> in parallel, from 10^6 items up:
/// <c>Parallel.For(localInit, body, localFinally)</c> per index, the same over <c>Partitioner.Create</c> ranges, and PLINQ.
/// Only the reduction gives the same bits on any number of workers.
/// </summary>
[MemoryDiagnoser]
public class ReductionBenchmarks
{
    private double[] _values = [];

    [Params(1_000_000, 10_000_000, 100_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _values = new double[Count];
        for (int i = 0; i < _values.Length; i++)
        {
            _values[i] = random.NextDouble();
        }
    }

    [Benchmark(Baseline = true)]
    public double Reduce()
    {
        double[] values = _values;
        return ParallelReduction.Reduce(values.LongLength, GrainSize, 0.0, range => SumOf(values.AsSpan((int)range.Start, (int)range.Length)), static (a, b) => a + b);
    }

    [Benchmark]
    public double ParallelForPerIndex()
    {
        double[] values = _values;
        object gate = new();
        double total = 0;
        Parallel.For(0, values.Length, () => 0.0, (i, _, local) => local + values[i], local =>
        {
            lock (gate)
            {
                total += local;
            }
        });
        return total;
    }

    [Benchmark]
    public double ParallelForEachOverRanges()
    {
        double[] values = _values;
        object gate = new();
        double total = 0;
        Parallel.ForEach(Partitioner.Create(0, values.Length), () => 0.0, (range, _, local) => local + SumOf(values.AsSpan(range.Item1, range.Item2 - range.Item1)), local =>
        {
            lock (gate)
            {
                total += local;
            }
        });
        return total;
    }

    [Benchmark]
    public double Plinq() => _values.AsParallel().Sum();

    private const long GrainSize = 1 << 16;

    private static double SumOf(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double value in values)
        {
            sum += value;
        }

        return sum;
    }
}

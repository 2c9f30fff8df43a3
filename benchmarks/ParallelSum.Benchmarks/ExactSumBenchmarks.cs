using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using ParallelSum.Numerics;

namespace ParallelSum.Benchmarks;

/// <summary>
/// <see cref="ExactSum"/> against what else sums a <c>double[]</c>, side by side in one run, on one core and on two:
/// <see cref="TensorPrimitives"/>' plain vectorised sum (not exact, one thread: the baseline), a plain parallel read of the
/// same memory on two cores (each worker sums its half with <see cref="TensorPrimitives"/>: what the memory allows), a
/// hand-written parallel Neumaier (compensated) sum, LINQ's <c>Sum()</c> (one thread) and PLINQ's on two cores.
/// </summary>
/// <remarks>
/// <para>The values are uniform in [-1, 1) with a fixed seed: mixed signs over many binades, as real data has. Only
/// <see cref="ExactSum"/> is correctly rounded and gives the same bits on any number of workers; the set-up checks it against
/// the plain sum. The two goal ratios: <c>TensorPrimitivesSum / ExactOneCore</c> (speed of the exact sum relative to the
/// plain one on one core) and <c>ParallelReadTwoCores / ExactTwoCores</c> at 10^8 (the exact sum's share of the memory
/// bandwidth on two cores).</para>
/// <para>Each call reads up to 800 MB: run with few iterations, for example
/// <c>--filter '*ExactSumBenchmarks*' --warmupCount 2 --iterationCount 5 --launchCount 1</c>.</para>
/// </remarks>
[MemoryDiagnoser]
public class ExactSumBenchmarks
{
    private static readonly ParallelRunOptions OneWorker = new() { MaxDegreeOfParallelism = 1 };
    private static readonly ParallelRunOptions TwoWorkers = new() { MaxDegreeOfParallelism = 2 };

    private double[] _values = [];

    [Params(1_000_000, 10_000_000, 100_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261207);
        _values = new double[Count];
        for (int i = 0; i < _values.Length; i++)
        {
            _values[i] = (2 * random.NextDouble()) - 1;
        }

        double exact = ExactSum.Of(_values, TwoWorkers);
        double plain = TensorPrimitives.Sum<double>(_values);
        if (Math.Abs(exact - plain) > 1e-9 * Count || BitConverter.DoubleToInt64Bits(exact) != BitConverter.DoubleToInt64Bits(ExactSum.Of(_values, OneWorker)))
        {
            throw new InvalidOperationException($"The exact sum {exact} is far from the plain sum {plain}, or differs between one and two workers: the benchmark's data or code is wrong.");
        }
    }

    /// <summary>The BCL's fastest plain sum: vectorised, one thread, not exact, bits depend on the vector width.</summary>
    [Benchmark(Baseline = true)]
    public double TensorPrimitivesSum() => TensorPrimitives.Sum<double>(_values);

    /// <summary>The correctly rounded sum on the calling thread alone.</summary>
    [Benchmark]
    public double ExactOneCore() => ExactSum.Of(_values, OneWorker);

    /// <summary>The correctly rounded sum on two workers (the calling thread and one helper), one static block each.</summary>
    [Benchmark]
    public double ExactTwoCores() => ExactSum.Of(_values, TwoWorkers);

    /// <summary>Memory bandwidth: each of two cores sums its contiguous half with <see cref="TensorPrimitives"/>.</summary>
    [Benchmark]
    public double ParallelReadTwoCores()
    {
        double[] values = _values;
        var partial = new double[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, part =>
        {
            (int start, int length) = Share(values.Length, 2, part);
            partial[part] = TensorPrimitives.Sum<double>(values.AsSpan(start, length));
        });
        return partial[0] + partial[1];
    }

    /// <summary>What a careful user writes: Neumaier's compensated sum, on one core.</summary>
    [Benchmark]
    public double NeumaierOneCore() => Neumaier(_values, 1);

    /// <summary>Neumaier's compensated sum on each of two cores' halves, the halves combined the same way. More accurate than a
    /// plain sum, but neither exact nor the same bits on another core count.</summary>
    [Benchmark]
    public double NeumaierTwoCores() => Neumaier(_values, 2);

    /// <summary>LINQ's <c>Sum()</c>: one thread, not exact.</summary>
    [Benchmark]
    public double LinqSum() => _values.Sum();

    /// <summary>PLINQ's <c>Sum()</c> on two cores: not exact, bits depend on how PLINQ partitions.</summary>
    [Benchmark]
    public double PlinqSumTwoCores() => _values.AsParallel().WithDegreeOfParallelism(2).Sum();

    private static double Neumaier(double[] values, int parts)
    {
        var sums = new double[parts];
        var compensations = new double[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            (int start, int length) = Share(values.Length, parts, part);
            double sum = 0, compensation = 0;
            foreach (double x in values.AsSpan(start, length))
            {
                double t = sum + x;
                compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
                sum = t;
            }

            sums[part] = sum;
            compensations[part] = compensation;
        });
        double total = 0, correction = 0;
        for (int part = 0; part < parts; part++)
        {
            double t = total + sums[part];
            correction += Math.Abs(total) >= Math.Abs(sums[part]) ? (total - t) + sums[part] : (sums[part] - t) + total;
            total = t;
            correction += compensations[part];
        }

        return total + correction;
    }

    private static (int Start, int Length) Share(int count, int parts, int part)
    {
        long start = (long)count * part / parts;
        long end = (long)count * (part + 1) / parts;
        return ((int)start, (int)(end - start));
    }
}

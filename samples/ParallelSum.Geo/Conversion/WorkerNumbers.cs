using System.Collections.Concurrent;

namespace ParallelSum.Geo.Conversion;

/// <summary>
/// The numbers <c>0</c> to <c>count - 1</c> of one run's workers. The engine's body does not know which worker runs it, so
/// each file rents a number for as long as it is worked on and returns it after: no two files in flight hold the same number.
/// Thread-safe.
/// </summary>
internal sealed class WorkerNumbers
{
    private readonly ConcurrentStack<int> _free;

    /// <summary>Creates the numbers <c>0</c> to <paramref name="count"/> - 1, all free; the lowest is rented first.</summary>
    public WorkerNumbers(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _free = new ConcurrentStack<int>(Enumerable.Range(0, count).Reverse());
    }

    /// <summary>Takes a free number.</summary>
    /// <exception cref="InvalidOperationException">Every number is rented: more files run at once than there are workers.</exception>
    public int Rent() => _free.TryPop(out int number)
        ? number
        : throw new InvalidOperationException("More files are in flight than there are workers: the degree of parallelism must not exceed the worker count.");

    /// <summary>Gives back a number taken with <see cref="Rent"/>.</summary>
    public void Return(int number) => _free.Push(number);
}

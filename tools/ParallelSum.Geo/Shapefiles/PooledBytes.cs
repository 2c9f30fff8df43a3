using System.Buffers;

namespace ParallelSum.Geo.Shapefiles;

/// <summary>
/// A file's bytes in an array rented from <see cref="ArrayPool{T}.Shared"/>. A worker converts one file after another, and each
/// file's parts are read whole: renting lets the next file reuse the memory the last one used, instead of allocating tens of
/// megabytes on the large object heap per file (each such allocation counts toward a full collection, and fresh pages cost a
/// page fault each). <see cref="Dispose"/> returns the array; nothing may use the bytes after that.
/// </summary>
internal sealed class PooledBytes : IDisposable
{
    private byte[]? _array;

    /// <summary>Rents an array of at least <paramref name="length"/> bytes.</summary>
    public PooledBytes(int length)
    {
        _array = ArrayPool<byte>.Shared.Rent(length);
        Length = length;
    }

    /// <summary>Gets the number of bytes held.</summary>
    public int Length { get; }

    /// <summary>Gets the bytes held.</summary>
    /// <exception cref="ObjectDisposedException">The array was returned.</exception>
    public Span<byte> Span => (_array ?? throw new ObjectDisposedException(nameof(PooledBytes))).AsSpan(0, Length);

    /// <summary>Returns the array to the pool (once).</summary>
    public void Dispose()
    {
        byte[]? array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}

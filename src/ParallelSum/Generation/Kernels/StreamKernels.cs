using System.Runtime.CompilerServices;
using Kernel128 = ParallelSum.Generation.Kernels.VectorKernel<ParallelSum.Generation.Kernels.Vector128Width, System.Runtime.Intrinsics.Vector128<ulong>>;
using Kernel256 = ParallelSum.Generation.Kernels.VectorKernel<ParallelSum.Generation.Kernels.Vector256Width, System.Runtime.Intrinsics.Vector256<ulong>>;
using Kernel512 = ParallelSum.Generation.Kernels.VectorKernel<ParallelSum.Generation.Kernels.Vector512Width, System.Runtime.Intrinsics.Vector512<ulong>>;

namespace ParallelSum.Generation.Kernels;

/// <summary>
/// The fastest fill and sum kernels this machine runs, chosen once at start-up: 512-bit vectors where accelerated, else 256,
/// else 128, else scalar. Every path returns exactly what <see cref="ScalarKernels"/> returns.
/// </summary>
internal static class StreamKernels
{
    /// <summary>The most values handed to a vector kernel in one call: after a rejection (below 2^-32 per value) the kernel scans
    /// its piece once more to find the rejected index, so pieces stay small enough (64 Ki values, ~100 µs to scan) for that not to matter.</summary>
    public const int MaxPiece = 1 << 16;

    /// <summary>Gets the vector width in bits the kernels run at here: 512, 256, 128, or 64 for scalar.</summary>
    public static int Width { get; } =
        Kernel512.IsSupported ? 512 : Kernel256.IsSupported ? 256 : Kernel128.IsSupported ? 128 : 64;

    /// <summary>The sum of the offsets <c>value - min</c> at <c>[start, start + count)</c>; <paramref name="count"/> at most 2^32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SumOffsets(in RandomStream stream, ulong start, ulong count) => SumOffsets(Width, stream, start, count);

    /// <summary>As <see cref="SumOffsets(in RandomStream, ulong, ulong)"/> at a given width (512, 256, 128 or 64), which
    /// must be accelerated here; lets tests run every width's dispatch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SumOffsets(int width, in RandomStream stream, ulong start, ulong count)
    {
        ulong total = 0;
        // Stryker disable once Equality : equivalent; "<=" adds one empty piece, which sums to 0.
        for (ulong done = 0; done < count; done += MaxPiece)
        {
            ulong piece = Math.Min(MaxPiece, count - done);
            // Width is a static readonly value after tier-1 compilation, and this method is inlined into the public one, so
            // the JIT folds this switch to one call.
            total += width switch
            {
                512 => Kernel512.SumOffsets(stream, start + done, piece),
                256 => Kernel256.SumOffsets(stream, start + done, piece),
                128 => Kernel128.SumOffsets(stream, start + done, piece),
                _ => ScalarKernels.SumOffsets(stream, start + done, piece),
            };
        }

        return total;
    }

    /// <summary>Writes the values at <c>start, start + 1, …</c> into <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Fill(in RandomStream stream, ulong start, Span<int> destination) => Fill(Width, stream, start, destination);

    /// <summary>As <see cref="Fill(in RandomStream, ulong, Span{int})"/> at a given width (512, 256, 128 or 64), which
    /// must be accelerated here; lets tests run every width's dispatch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Fill(int width, in RandomStream stream, ulong start, Span<int> destination)
    {
        // Stryker disable once Equality : equivalent; "<=" fills one empty piece.
        for (int done = 0; done < destination.Length; done += MaxPiece)
        {
            Span<int> piece = destination.Slice(done, Math.Min(MaxPiece, destination.Length - done));
            switch (width)
            {
                case 512: Kernel512.Fill(stream, start + (ulong)done, piece); break;
                case 256: Kernel256.Fill(stream, start + (ulong)done, piece); break;
                case 128: Kernel128.Fill(stream, start + (ulong)done, piece); break;
                default: ScalarKernels.Fill(stream, start + (ulong)done, piece); break;
            }
        }
    }
}

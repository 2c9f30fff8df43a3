using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace ParallelSum.Tests.Numerics;

/// <summary>
/// Python's <c>math.fsum</c>, a correctly rounded sum written by others (Shewchuk's algorithm with a final half-way
/// correction), run in one <c>python3</c> process for a batch of cases. Values go in as exact hexadecimal floats
/// (<c>float.fromhex</c>), results come back as the 64 bits of the double.
/// </summary>
/// <remarks>Where Python differs from IEEE 754's exact sum it says so and tests compare elsewhere: <c>fsum</c> raises
/// <c>OverflowError</c> when a running partial overflows even if the exact sum is finite (here <see langword="null"/>), raises
/// <c>ValueError</c> for +∞ with −∞, and before Python 3.12 returns +0.0 for a sum of −0.0 values.</remarks>
public static class PythonFsum
{
    private const string Script = """
        import sys, math, struct
        out = []
        for line in sys.stdin:
            try:
                r = math.fsum(float.fromhex(t) for t in line.split())
                out.append(str(struct.unpack('<q', struct.pack('<d', r))[0]))
            except OverflowError:
                out.append('overflow')
            except ValueError:
                out.append('invalid')
        sys.stdout.write('\n'.join(out) + '\n')
        """;

    /// <summary>The fsum of every case, in order: <see langword="null"/> where Python raised an error.</summary>
    /// <exception cref="TimeoutException">python3 did not answer within <paramref name="deadline"/>.</exception>
    public static async Task<double?[]> SumsAsync(IReadOnlyList<double[]> cases, TimeSpan deadline)
    {
        var input = new StringBuilder();
        foreach (double[] values in cases)
        {
            input.AppendJoin(' ', values.Select(Hex)).Append('\n');
        }

        var start = new ProcessStartInfo("python3", ["-c", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process python = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start; the fsum oracle needs python3 on PATH.");
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            Task<string> output = python.StandardOutput.ReadToEndAsync(timeout.Token);
            Task<string> errors = python.StandardError.ReadToEndAsync(timeout.Token);
            await python.StandardInput.WriteAsync(input, timeout.Token);
            python.StandardInput.Close();
            await python.WaitForExitAsync(timeout.Token);
            Assert.True(python.ExitCode == 0, $"python3 failed (exit {python.ExitCode}): {await errors}");
            string[] lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(cases.Count, lines.Length);
            return [.. lines.Select(l => long.TryParse(l, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long bits) ? BitConverter.Int64BitsToDouble(bits) : (double?)null)];
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            python.Kill(entireProcessTree: true);
            throw new TimeoutException($"python3 did not sum {cases.Count} cases within {deadline}.");
        }
    }

    /// <summary>A double as Python's <c>float.fromhex</c> reads it back exactly: <c>±0x{integer significand}p{exponent}</c>.</summary>
    public static string Hex(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        long bits = BitConverter.DoubleToInt64Bits(value);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long significand = bits & ((1L << 52) - 1);
        if (exponent != 0)
        {
            significand |= 1L << 52;
        }

        int power = Math.Max(exponent, 1) - 1075;
        return string.Create(CultureInfo.InvariantCulture, $"{(bits < 0 ? "-" : "")}0x{significand:x}p{power}");
    }

    /// <summary>Checks <see cref="Hex"/> against the oracle's exact value, so a formatting slip cannot pass for an fsum answer.</summary>
    public static BigInteger ScaledFromHex(string hex)
    {
        bool negative = hex.StartsWith('-');
        string body = hex.TrimStart('-')[2..];
        int p = body.IndexOf('p', StringComparison.Ordinal);
        BigInteger significand = BigInteger.Parse("0" + body[..p], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        int power = int.Parse(body[(p + 1)..], CultureInfo.InvariantCulture);
        BigInteger scaled = significand * BigInteger.Pow(2, power + 1074);
        return negative ? -scaled : scaled;
    }
}

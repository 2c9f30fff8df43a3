using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using ParallelSum.Experiment.Retention;

namespace ParallelSum.Experiment.Sweep;

/// <summary>What produced a sweep's results: the machine, its operating system and runtime, and the command that ran.
/// Recorded once per sweep (on its <c>idle</c> line) so that every chart can say where its figures come from.</summary>
internal sealed record MachineDescription
{
    [JsonPropertyName("cpu")] public string? Cpu { get; init; }
    [JsonPropertyName("cores")] public int Cores { get; init; }
    [JsonPropertyName("memoryBytes")] public long? MemoryBytes { get; init; }
    [JsonPropertyName("os")] public string? OperatingSystem { get; init; }
    [JsonPropertyName("runtime")] public string? Runtime { get; init; }
    [JsonPropertyName("command")] public string? Command { get; init; }

    /// <summary>This machine, and this program's own command line.</summary>
    public static MachineDescription Current() => new()
    {
        Cpu = CpuModel(),
        Cores = Environment.ProcessorCount,
        MemoryBytes = MachineMemory.TotalBytes(),
        OperatingSystem = OperatingSystemName(),
        Runtime = RuntimeInformation.FrameworkDescription,
        Command = string.Join(' ', ["ParallelSum.Experiment", .. Environment.GetCommandLineArgs().Skip(1).Select(Quote)]),
    };

    /// <summary>One line for a chart's caption: <c>AMD EPYC 9R14, 2 cores, 23.5 GiB · Debian GNU/Linux 12 · .NET 10.0.12 · 2026-11-28 · command</c>.</summary>
    public string Caption(DateTimeOffset when)
    {
        string machine = string.Join(", ", new[] { Cpu ?? "unknown CPU", $"{Cores} cores", MemoryBytes is long m ? ByteSize.Format(m) : null }.OfType<string>());
        return string.Join(" · ", new[]
        {
            machine, OperatingSystem, Runtime, when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Shortened(Command),
        }.OfType<string>());
    }

    /// <summary>The longest command line a caption shows; a longer one is cut and ends with an ellipsis.</summary>
    public const int MaxCaptionCommandLength = 300;

    private static string? Shortened(string? text) =>
        text is { Length: > MaxCaptionCommandLength } ? text[..(MaxCaptionCommandLength - 1)] + "…" : text;

    private static string? CpuModel()
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            return null;
        }

        string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string OperatingSystemName()
    {
        if (File.Exists("/etc/os-release"))
        {
            string? pretty = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            if (pretty is not null)
            {
                return pretty["PRETTY_NAME=".Length..].Trim('"');
            }
        }

        return RuntimeInformation.OSDescription;
    }

    private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument;
}

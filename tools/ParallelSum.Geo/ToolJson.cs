using System.Text.Json.Serialization;
using ParallelSum.Geo.Bench;
using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Data;

namespace ParallelSum.Geo;

/// <summary>
/// The JSON the tool reads and writes (worker protocol lines, <c>--report</c>, bench and profile results), with serializers
/// generated at compile time so that the Native AOT build needs no reflection.
/// </summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(FileResult))]
[JsonSerializable(typeof(IReadOnlyList<FileResult>))]
[JsonSerializable(typeof(FileResult[]))]
[JsonSerializable(typeof(BenchReport))]
[JsonSerializable(typeof(StageProfile))]
[JsonSerializable(typeof(DatasetOptions))]
internal sealed partial class ToolJson : JsonSerializerContext
{
    /// <summary>Gets the same serializers, writing indented JSON (for files people read).</summary>
    public static ToolJson Indented { get; } = new(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}

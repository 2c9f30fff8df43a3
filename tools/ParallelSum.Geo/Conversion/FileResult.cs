using System.Text.Json.Serialization;

namespace ParallelSum.Geo.Conversion;

/// <summary>What happened to one input file.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FileOutcome>))]
internal enum FileOutcome
{
    /// <summary>Converted; the GeoJSON is in place.</summary>
    Ok,

    /// <summary>Not converted: the reason says why (bad input, a crashed worker, …); no output was left behind.</summary>
    Error,

    /// <summary>Not converted because its output already exists and overwriting was not asked for.</summary>
    SkippedExists,
}

/// <summary>The outcome of converting one shapefile.</summary>
/// <param name="Name">The input file's name, such as <c>parcels_007.shp</c>.</param>
/// <param name="Outcome">Converted, failed or skipped.</param>
/// <param name="Reason">Why it failed or was skipped; <see langword="null"/> when converted.</param>
/// <param name="Features">Features written (0 unless converted).</param>
/// <param name="BytesIn">Bytes of the .shp, .shx and .dbf that exist.</param>
/// <param name="BytesOut">Bytes of the GeoJSON written (0 unless converted).</param>
/// <param name="Seconds">Time spent on this file by its worker.</param>
/// <param name="Worker">The worker (0-based) that handled it; -1 when no worker did.</param>
internal sealed record FileResult(string Name, FileOutcome Outcome, string? Reason, int Features, long BytesIn, long BytesOut, double Seconds, int Worker)
{
    public static FileResult Failed(string name, string reason, int worker, long bytesIn = 0, double seconds = 0) =>
        new(name, FileOutcome.Error, reason, 0, bytesIn, 0, seconds, worker);

    /// <summary>Gets what was odd in a converted file but did not stop it (header slack, text not valid in its encoding); null if nothing.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>Gets the outcome as the CLI prints it: <c>ok</c>, <c>error</c> or <c>skipped-exists</c>.</summary>
    [JsonIgnore]
    public string OutcomeText => Outcome switch
    {
        FileOutcome.Ok => "ok",
        FileOutcome.Error => "error",
        _ => "skipped-exists",
    };
}

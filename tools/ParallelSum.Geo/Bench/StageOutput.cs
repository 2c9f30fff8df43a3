using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ParallelSum.Geo.Bench;

/// <summary>Writes a stage profile as stages.md (a table) and stages.json.</summary>
internal static class StageOutput
{
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(StageProfile profile, string folder)
    {
        Directory.CreateDirectory(folder);
        string md = Path.Combine(folder, "stages.md");
        string json = Path.Combine(folder, "stages.json");
        File.WriteAllText(md, Markdown(profile));
        File.WriteAllText(json, JsonSerializer.Serialize(profile, ToolJson.Indented.StageProfile));
        return [md, json];
    }

    /// <summary>A Markdown table: one row per stage with its seconds, its share of the warm whole conversion, its limit in MB/s of input and its allocations.</summary>
    public static string Markdown(StageProfile profile)
    {
        double whole = profile.Stages.FirstOrDefault(s => s.Stage == "whole conversion")?.Seconds ?? double.NaN;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {profile.Date} on {profile.Machine} ({profile.Cores} cores, {profile.Runtime}).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{profile.Command}`.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Set: {profile.Files} files, {profile.Features:N0} features, {profile.InputBytes / 1e6:F1} MB in (.shp, .shx, .dbf), {profile.OutputBytes / 1e6:F1} MB of GeoJSON out.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Cells: median of {profile.Repetitions} passes on one thread, after one untimed pass. Limit: input MB divided by the stage's seconds, the throughput one worker could not exceed if it did only this stage.");
        text.AppendLine();
        text.AppendLine("| stage | what is timed | seconds | share of whole conversion | limit (MB/s of input) | stage's own bytes | allocated per feature |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (StageTiming s in profile.Stages)
        {
            string own = s.StageBytes > 0 ? string.Create(CultureInfo.InvariantCulture, $"{s.StageBytes / 1e6:F1} MB {s.StageBytesOf} ({s.StageBytes / 1e6 / s.Seconds:F0} MB/s)") : "–";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Stage} | {s.Covers} | {s.Seconds:F3} | {100 * s.Seconds / whole:F0}% | {s.InputMegabytesPerSecond:F0} | {own} | {s.AllocatedBytesPerFeature:F0} B |"));
        }

        return text.ToString();
    }
}

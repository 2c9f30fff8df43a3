using System.CommandLine;
using System.Globalization;
using ParallelSum.Geo.Data;
using Spectre.Console;

namespace ParallelSum.Geo.Cli;

/// <summary><c>generate</c>: a seeded synthetic data set of polygon shapefiles of uneven sizes.</summary>
internal static class GenerateCommand
{
    public static readonly Option<int> Files = new("--files", "-n") { Description = "How many shapefiles (1 or more).", DefaultValueFactory = _ => 20 };
    public static readonly Option<int> Seed = new("--seed") { Description = "The seed; the same options give byte-identical files.", DefaultValueFactory = _ => 42 };
    public static readonly Option<int> MinFeatures = new("--min-features") { Description = "The fewest polygons in a file.", DefaultValueFactory = _ => DatasetOptions.DefaultMinFeatures };
    public static readonly Option<int> MaxFeatures = new("--max-features") { Description = "The most polygons in a file.", DefaultValueFactory = _ => DatasetOptions.DefaultMaxFeatures };
    public static readonly Option<double> Skew = new("--skew") { Description = "How strongly sizes lean to small files (1 = log-uniform; 1 to 100).", DefaultValueFactory = _ => DatasetOptions.DefaultSkew };

    private static readonly Option<string> Out = new("--out", "-o") { Description = "The folder to write into (created if missing).", Required = true };

    public static Command Create()
    {
        var command = new Command("generate", "Write a reproducible synthetic data set: N polygon shapefiles with attributes and uneven sizes.")
        {
            Out, Files, Seed, MinFeatures, MaxFeatures, Skew,
        };
        command.SetAction(parse =>
        {
            DatasetOptions options = Read(parse.GetValue, parse.GetValue);
            GeoCli.Reject(options.Validate());
            string folder = parse.GetValue(Out)!;
            int[] counts = DatasetGenerator.FeatureCounts(options);
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"writing {options.Files} shapefiles ({counts.Sum():N0} polygons, {counts.Min():N0} to {counts.Max():N0} a file, seed {options.Seed}) to {Markup.Escape(folder)}"));
            DatasetGenerator.Generate(options, folder);
            return 0;
        });
        return command;
    }

    /// <summary>The data set options from any parse result that has the generation options.</summary>
    public static DatasetOptions Read(Func<Option<int>, int> getInt, Func<Option<double>, double> getDouble) =>
        new(getInt(Files), getInt(Seed), getInt(MinFeatures), getInt(MaxFeatures), getDouble(Skew));
}

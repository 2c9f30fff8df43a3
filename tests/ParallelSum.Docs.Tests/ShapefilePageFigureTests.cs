using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>
/// docs/shapefiles.md's speed tables and findings equal the converter's bench results they link (cold process: every run a
/// fresh <c>convert</c> or <c>ogr2ogr</c> process), cell for cell at the page's rounding.
/// </summary>
public sealed class ShapefilePageFigureTests
{
    private const string Page = "docs/shapefiles.md";
    private const string Bench = "docs/geo/results.json";
    private const string Threshold = "docs/geo/threshold/results.json";
    private const string StagesFile = "docs/geo/profile/stages.json";
    private static readonly int[] BenchCounts = [40, 80];

    /// <summary>The page's row labels of the 40/80-file tables, by the mode the bench records.</summary>
    private static readonly Dictionary<string, string> BenchRows = new()
    {
        ["`ogr2ogr`"] = "ogr2ogr",
        ["`ogr2ogr` under `xargs -P 2`"] = "ogr2ogr xargs -P 2",
        ["`single`, aot"] = "single aot",
        ["`single`, jit"] = "single jit",
        ["`threads` (2 workers, the default), aot"] = "threads-dynamic(2) aot",
        ["`threads` (2 workers), jit"] = "threads-dynamic(2) jit",
        ["`processes` (2 workers), aot"] = "processes-dynamic(2) aot",
        ["`processes` (2 workers), jit"] = "processes-dynamic(2) jit",
    };

    /// <summary>The page's row labels of the threshold table, by the mode the bench records.</summary>
    private static readonly Dictionary<string, string> ThresholdRows = new()
    {
        ["`single`, aot"] = "single aot",
        ["`threads` (2), aot"] = "threads-dynamic(2) aot",
        ["`processes` (2), aot"] = "processes-dynamic(2) aot",
        ["`single`, jit"] = "single jit",
        ["`threads` (2), jit"] = "threads-dynamic(2) jit",
        ["`processes` (2), jit"] = "processes-dynamic(2) jit",
    };

    [Fact]
    public void SpeedTable_IsTheBenchRun()
    {
        GeoBench bench = GeoBench.Read(Bench);
        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "Run | 40 files | 80 files");
        Assert.Equal(bench.Modes.Order(), table.Rows.Select(r => BenchRows[r[0]]).Order());
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            string mode = BenchRows[row[0]];
            foreach (int files in BenchCounts)
            {
                string cell = row[table.Column($"{files} files")];
                Match m = Regex.Match(cell, @"^(?<time>[\d.]+ s) \((?<speedup>[\d.]+)×\)$");
                Assert.True(m.Success, $"{Page}: '{cell}' is not 'seconds s (speed-up×)'");
                Quoted.Duration(m.Groups["time"].Value, bench.Median(files, mode), $"{mode} at {files} files");
                Quoted.Equal(m.Groups["speedup"].Value, bench.Speedup(files, mode), $"{mode} against ogr2ogr at {files} files");
            }
        }

        Sourcing.Quotes(Page, "Cells (cold process, every run a fresh process", "cold process", "geo/results.json");
        Match set = Sourcing.Find(Page, @"\(40 files: (?<f40>[\d,]+) features, (?<mb40>\d+) MB of \.shp, \.shx and \.dbf; 80 files: (?<f80>[\d,]+) features, (?<mb80>\d+) MB\)");
        Quoted.Equal(set.Groups["f40"].Value, bench.Features(40), "features of 40 files");
        Quoted.Equal(set.Groups["mb40"].Value, bench.BytesIn(40) / 1e6, "MB of 40 files");
        Quoted.Equal(set.Groups["f80"].Value, bench.Features(80), "features of 80 files");
        Quoted.Equal(set.Groups["mb80"].Value, bench.BytesIn(80) / 1e6, "MB of 80 files");
    }

    [Fact]
    public void RatioTable_IsTheBenchRun()
    {
        GeoBench bench = GeoBench.Read(Bench);
        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "Ratio | 40 files | 80 files");
        var rows = new Dictionary<string, (string Faster, string Slower)>
        {
            ["`ogr2ogr` under `xargs -P 2` against file by file"] = ("ogr2ogr xargs -P 2", "ogr2ogr"),
            ["two threads against one worker, aot"] = ("threads-dynamic(2) aot", "single aot"),
            ["two processes against one worker, aot"] = ("processes-dynamic(2) aot", "single aot"),
            ["two threads against one worker, jit"] = ("threads-dynamic(2) jit", "single jit"),
            ["two processes against one worker, jit"] = ("processes-dynamic(2) jit", "single jit"),
        };
        Assert.Equal(rows.Keys.Order(), table.Rows.Select(r => r[0]).Order());
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            (string faster, string slower) = rows[row[0]];
            foreach (int files in BenchCounts)
            {
                string cell = row[table.Column($"{files} files")];
                Match m = Regex.Match(cell, @"^(?<ratio>[\d.]+)×(?: \((?<share>[\d.]+)(?: of ogr2ogr's)?\))?$");
                Assert.True(m.Success, $"{Page}: '{cell}' is not 'ratio× (share)'");
                double ratio = Gain(bench, files, slower, faster);
                Quoted.Equal(m.Groups["ratio"].Value, ratio, $"{row[0]} at {files} files");
                Assert.Equal(slower != "ogr2ogr", m.Groups["share"].Success);
                if (m.Groups["share"].Success)
                {
                    Quoted.Equal(m.Groups["share"].Value, ratio / XargsGain(bench, files), $"{row[0]}, share of xargs -P 2's gain, at {files} files");
                }
            }
        }

        Sourcing.Quotes(Page, "all from that one run (cold process", "cold process", "geo/results.json");
    }

    [Fact]
    public void SpeedFindings_EqualTheBenchRun()
    {
        GeoBench bench = GeoBench.Read(Bench);
        double Share(int files, string build) => Gain(bench, files, $"single {build}", $"threads-dynamic(2) {build}") / XargsGain(bench, files);

        Match m = Sourcing.Find(Page, @"is met by the Native AOT build in the default mode \(threads\): (?<s40>[\d.]+) at 40 files and (?<s80>[\d.]+) at 80\*\*");
        Quoted.Equal(m.Groups["s40"].Value, Share(40, "aot"), "two AOT threads' share of xargs -P 2's gain, 40 files");
        Quoted.Equal(m.Groups["s80"].Value, Share(80, "aot"), "two AOT threads' share of xargs -P 2's gain, 80 files");
        Assert.All(BenchCounts, files => Assert.True(Share(files, "aot") >= 0.95, $"the page says the AOT build meets 0.95 at {files} files; the file gives {Share(files, "aot"):F3}"));
        Assert.All(BenchCounts, files => Assert.True(Share(files, "jit") < 0.95, $"the page says the JIT build does not meet 0.95 at {files} files; the file gives {Share(files, "jit"):F3}"));

        m = Sourcing.Find(Page, @"in run order\), at 40 files it was (?<a0>[\d.]+), (?<a1>[\d.]+) and (?<a2>[\d.]+); at 80 files (?<b0>[\d.]+), (?<b1>[\d.]+) and (?<b2>[\d.]+)\. Worker processes reach (?<p40>[\d.]+) and (?<p80>[\d.]+)\.");
        foreach ((int files, string group) in new[] { (40, "a"), (80, "b") })
        {
            double[] single = bench.Seconds(files, "single aot"), threads = bench.Seconds(files, "threads-dynamic(2) aot");
            double[] ogr = bench.Seconds(files, "ogr2ogr"), xargs = bench.Seconds(files, "ogr2ogr xargs -P 2");
            Assert.Equal(3, single.Length);
            for (int i = 0; i < single.Length; i++)
            {
                Quoted.Equal(m.Groups[$"{group}{i}"].Value, single[i] / threads[i] / (ogr[i] / xargs[i]), $"repetition {i + 1}'s share at {files} files");
            }
        }

        Quoted.Equal(m.Groups["p40"].Value, Gain(bench, 40, "single aot", "processes-dynamic(2) aot") / XargsGain(bench, 40), "AOT processes' share, 40 files");
        Quoted.Equal(m.Groups["p80"].Value, Gain(bench, 80, "single aot", "processes-dynamic(2) aot") / XargsGain(bench, 80), "AOT processes' share, 80 files");
        Sourcing.Quotes(Page, "Worker processes reach", "cold process", "geo/results.json");

        m = Sourcing.Find(Page, @"does not meet it\*\* \((?<j40>[\d.]+) and (?<j80>[\d.]+) with threads\)\. One worker of it is even a little faster \((?<jit>[\d.]+ s) against (?<aot>[\d.]+ s) at 40 files\)");
        Quoted.Equal(m.Groups["j40"].Value, Share(40, "jit"), "two JIT threads' share, 40 files");
        Quoted.Equal(m.Groups["j80"].Value, Share(80, "jit"), "two JIT threads' share, 80 files");
        Quoted.Duration(m.Groups["jit"].Value, bench.Median(40, "single jit"), "one JIT worker, 40 files");
        Quoted.Duration(m.Groups["aot"].Value, bench.Median(40, "single aot"), "one AOT worker, 40 files");

        m = Sourcing.Find(Page, @"one worker is (?<single>[\d.–]+)× faster than `ogr2ogr` file by file, and two threads of the AOT build\s+(?<threads>[\d.–]+)× faster than\s+`ogr2ogr` under `xargs -P 2`");
        double[] singles = [.. BenchCounts.SelectMany(f => new[] { bench.Speedup(f, "single aot"), bench.Speedup(f, "single jit") })];
        AssertRange(m.Groups["single"].Value, singles, "one worker against ogr2ogr");
        AssertRange(m.Groups["threads"].Value, [.. BenchCounts.Select(f => Gain(bench, f, "ogr2ogr xargs -P 2", "threads-dynamic(2) aot"))], "two AOT threads against xargs -P 2");
        Sourcing.Quotes(Page, "two threads of the AOT build", "cold process", "geo/results.json", "geo/results.md");

        m = Sourcing.Find(Page, @"its two threads reach (?<g40>[\d.]+)× and (?<g80>[\d.]+)× one worker");
        Quoted.Equal(m.Groups["g40"].Value, Gain(bench, 40, "single aot", "threads-dynamic(2) aot"), "two AOT threads against one, 40 files");
        Quoted.Equal(m.Groups["g80"].Value, Gain(bench, 80, "single aot", "threads-dynamic(2) aot"), "two AOT threads against one, 80 files");
        Sourcing.Quotes(Page, "its two threads reach", "cold process", "geo/results.json");
    }

    [Fact]
    public void ThresholdTable_IsTheThresholdRun()
    {
        GeoBench bench = GeoBench.Read(Threshold);
        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "Files | 1 | 2");
        Assert.Equal(bench.FileCounts.Select(f => f.ToString(System.Globalization.CultureInfo.InvariantCulture)), table.Header.Skip(1));
        Assert.Equal(bench.Modes.Order(), table.Rows.Select(r => ThresholdRows[r[0]]).Order());
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            string mode = ThresholdRows[row[0]];
            string single = "single " + mode.Split(' ')[^1];
            foreach (int files in bench.FileCounts)
            {
                string cell = row[table.Column(files.ToString(System.Globalization.CultureInfo.InvariantCulture))];
                Match m = Regex.Match(cell, @"^(?<time>[\d.]+)(?: \((?<ratio>[\d.]+)×\))?$");
                Assert.True(m.Success, $"{Page}: '{cell}' is not 'seconds (ratio×)'");
                Quoted.Equal(m.Groups["time"].Value, bench.Median(files, mode), $"{mode} at {files} files");
                Assert.Equal(mode != single, m.Groups["ratio"].Success);
                if (m.Groups["ratio"].Success)
                {
                    Quoted.Equal(m.Groups["ratio"].Value, Gain(bench, files, single, mode), $"{mode} against {single} at {files} files");
                }
            }
        }

        Sourcing.Quotes(Page, "with both builds, in one run (cold process", "cold process", "geo/threshold/results.json", "geo/threshold/results.md");
    }

    [Fact]
    public void ThresholdFindings_EqualTheThresholdRun()
    {
        GeoBench bench = GeoBench.Read(Threshold);
        double Against(int files, string mode) => Gain(bench, files, "single " + mode.Split(' ')[^1], mode);
        void PaysFrom(string mode, int from) => Assert.All(bench.FileCounts, files => Assert.True(
            files >= from ? Against(files, mode) > 1 : Against(files, mode) < 1,
            $"{Page} says {mode} pays from {from} files; at {files} files it is {Against(files, mode):F2}× one worker"));

        Match m = Sourcing.Find(Page, @"worker processes pay from (?<from>\d+) files\*\* \((?<at5>[\d.]+)× at 5 files; (?<at3>[\d.]+)× at 3\)");
        PaysFrom("processes-dynamic(2) aot", int.Parse(m.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Quoted.Equal(m.Groups["at5"].Value, Against(5, "processes-dynamic(2) aot"), "AOT processes at 5 files");
        Quoted.Equal(m.Groups["at3"].Value, Against(3, "processes-dynamic(2) aot"), "AOT processes at 3 files");
        m = Sourcing.Find(Page, @"holds (?<first>[\d,]+) of the first 5 files' (?<five>[\d,]+) polygons");
        Quoted.Equal(m.Groups["first"].Value, bench.Features(1), "features of the first file");
        Quoted.Equal(m.Groups["five"].Value, bench.Features(5), "features of the first five files");

        m = Sourcing.Find(Page, @"they pay only from about (?<from>\d+) files\*\* \((?<at10>[\d.]+)× at 10, (?<at20>[\d.]+)× at 20\)");
        PaysFrom("processes-dynamic(2) jit", int.Parse(m.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Quoted.Equal(m.Groups["at10"].Value, Against(10, "processes-dynamic(2) jit"), "JIT processes at 10 files");
        Quoted.Equal(m.Groups["at20"].Value, Against(20, "processes-dynamic(2) jit"), "JIT processes at 20 files");

        m = Sourcing.Find(Page, @"Threads pay from (?<from>\d+) files with the AOT build \((?<at1>[\d.]+)× at 1 file, (?<at2>[\d.]+)× at 2\) and from the first file with the JIT build\s+\((?<jit1>[\d.]+)× at 1 file\)");
        PaysFrom("threads-dynamic(2) aot", int.Parse(m.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture));
        PaysFrom("threads-dynamic(2) jit", 1);
        Quoted.Equal(m.Groups["at1"].Value, Against(1, "threads-dynamic(2) aot"), "AOT threads at 1 file");
        Quoted.Equal(m.Groups["at2"].Value, Against(2, "threads-dynamic(2) aot"), "AOT threads at 2 files");
        Quoted.Equal(m.Groups["jit1"].Value, Against(1, "threads-dynamic(2) jit"), "JIT threads at 1 file");
    }

    [Fact]
    public void WhatToUse_EqualsTheBenchRuns()
    {
        GeoBench bench = GeoBench.Read(Bench), threshold = GeoBench.Read(Threshold);
        Match m = Sourcing.Find(Page, @"two threads \(`--mode threads`, the default\) add (?<gain>[\d.–]+)×, (?<share>[\d.–]+) of what a second\s+process gives `ogr2ogr`");
        AssertRange(m.Groups["gain"].Value, [.. BenchCounts.Select(f => Gain(bench, f, "single aot", "threads-dynamic(2) aot"))], "two AOT threads against one");
        AssertRange(m.Groups["share"].Value, [.. BenchCounts.Select(f => Gain(bench, f, "single aot", "threads-dynamic(2) aot") / XargsGain(bench, f))], "their share of xargs -P 2's gain");
        Sourcing.Quotes(Page, "process gives `ogr2ogr` (cold process", "cold process", "geo/results.json");

        m = Sourcing.Find(Page, @"it costs about (?<start>[\d.]+ s) more on one file and\s+a second worker adds only (?<gain>[\d.–]+)× here");
        Quoted.Duration(m.Groups["start"].Value, threshold.Median(1, "single jit") - threshold.Median(1, "single aot"), "one JIT worker's extra time on one file");
        AssertRange(m.Groups["gain"].Value, [.. BenchCounts.Select(f => Gain(bench, f, "single jit", "threads-dynamic(2) jit"))], "two JIT threads against one");
        Sourcing.Quotes(Page, "a second worker adds only", "cold process", "geo/results.json", "geo/threshold/results.json");

        // "as fast as threads from 80": slower at 40 files, not slower at 80.
        Assert.True(bench.Median(40, "processes-dynamic(2) aot") > bench.Median(40, "threads-dynamic(2) aot"));
        Assert.True(bench.Median(80, "processes-dynamic(2) aot") <= bench.Median(80, "threads-dynamic(2) aot"));
        Sourcing.Quotes(Page, "are as fast as threads from 80", "cold process", "geo/threshold/results.json", "geo/results.json");
    }

    [Fact]
    public void StageTable_IsTheProfile()
    {
        GeoProfile profile = GeoProfile.Read(StagesFile);
        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "Stage | What is timed | Seconds");
        string Stage(IReadOnlyList<string> row) => row[0] == "whole conversion, warm" ? "whole conversion" : row[0];
        Assert.Equal(profile.StageNames.Order(), table.Rows.Select(Stage).Order());
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            GeoProfile.Stage stage = profile[Stage(row)];
            Quoted.Equal(row[table.Column("Seconds")], stage.Seconds, $"{stage.Name}: seconds");
            Quoted.Equal(row[table.Column("Share of the warm whole")].TrimEnd('%'), 100 * profile.Share(stage.Name), $"{stage.Name}: share of the warm whole");

            // A stage that reads no input has no limit; a fresh process's allocation is not measured: those cells are '–'.
            string limit = row[table.Column("Limit (MB/s of input)")];
            Assert.True(limit == "–" == (stage.StageBytesOf == "none"), $"{Page}: {stage.Name}'s limit is '{limit}'");
            if (limit != "–")
            {
                Quoted.Equal(limit, stage.InputMegabytesPerSecond, $"{stage.Name}: limit");
            }

            string allocated = row[table.Column("Allocated per feature")];
            Assert.True(allocated == "–" == stage.IsProcess, $"{Page}: {stage.Name}'s allocation is '{allocated}'");
            if (allocated != "–")
            {
                Assert.EndsWith(" B", allocated, StringComparison.Ordinal);
                Quoted.Equal(allocated[..^2], stage.AllocatedBytesPerFeature, $"{stage.Name}: bytes allocated per feature");
            }
        }

        string caption = Sourcing.BlockHolding(Page, "Each stage is a warm benchmark");
        Sourcing.Quotes(Page, "Each stage is a warm benchmark", "warm benchmark", "geo/profile/stages.json");
        Sourcing.Quotes(Page, "Each stage is a warm benchmark", "cold process", "geo/profile/stages.json");
        Assert.Contains($"Measured on {profile.Date}", caption, StringComparison.Ordinal);
        Match set = Regex.Match(caption, @"\(40 files, (?<features>[\d,]+) polygons, (?<in>[\d.]+) MB of \.shp, \.shx and \.dbf in, (?<out>[\d.]+) MB of GeoJSON out\)");
        Assert.True(set.Success, $"{Page}: the stage table's caption no longer names its set:\n{caption}");
        Quoted.Equal(set.Groups["features"].Value, profile.Features, "the profiled set's features");
        Quoted.Equal(set.Groups["in"].Value, profile.InputBytes / 1e6, "the profiled set's MB in");
        Quoted.Equal(set.Groups["out"].Value, profile.OutputBytes / 1e6, "the profiled set's MB out");
        Quoted.Equal(Sourcing.Find(Page, @"\| write files \| (?<mb>\d+) MB written").Groups["mb"].Value, profile.OutputBytes / 1e6, "MB the write stage writes");
    }

    [Fact]
    public void StageFindings_EqualTheProfile()
    {
        GeoProfile profile = GeoProfile.Read(StagesFile);
        double Percent(params string[] stages) => 100 * stages.Sum(profile.Share);

        Match m = Sourcing.Find(Page, @"shortest round-trip text \((?<digits>\d+) MB of digits, with\s+\.NET's `double\.TryFormat`\) takes (?<format>\d+)% of the time; no other stage comes near\. Everything else\s+that builds JSON \(brackets, property names, attributes\) adds (?<json>\d+)%\. Reading and parsing add (?<read>\d+)%\. Writing the files adds (?<write>\d+)%\.");
        Quoted.Equal(m.Groups["digits"].Value, profile["format numbers"].StageBytes / 1e6, "MB of number text");
        Quoted.Equal(m.Groups["format"].Value, Percent("format numbers"), "number formatting's share");
        Quoted.Equal(m.Groups["json"].Value, Percent("features to JSON") - Percent("format numbers"), "the rest of building JSON's share");
        Quoted.Equal(m.Groups["read"].Value, Percent("read files", "parse records"), "reading and parsing's share");
        Quoted.Equal(m.Groups["write"].Value, Percent("write files"), "writing's share");
        Assert.True(profile.StageNames.Where(s => s is not ("format numbers" or "geometry to JSON" or "features to JSON" or "whole conversion" or "cold command line"))
            .All(s => profile.Share(s) < profile.Share("format numbers") / 3), "the page says no other stage comes near number formatting");
        Assert.Equal("whole conversion", profile.StageNames.Where(s => !profile[s].IsProcess).MinBy(s => profile[s].InputMegabytesPerSecond));
        Assert.Equal("format numbers", profile.StageNames.Where(s => !profile[s].IsProcess && s is not ("whole conversion" or "features to JSON" or "geometry to JSON")).MinBy(s => profile[s].InputMegabytesPerSecond));

        double cold = profile["cold command line"].Seconds, warm = profile["whole conversion"].Seconds, start = profile["process start-up"].Seconds;
        m = Sourcing.Find(Page, @"The cold run costs (?<extra>[\d.]+ s) more than the warm one\.\*\* Of that, (?<start>[\d.]+ s) is starting the runtime and parsing the command\s+line; the rest, (?<jit>[\d.]+ s), is JIT compilation");
        Quoted.Duration(m.Groups["extra"].Value, cold - warm, "cold command line less the warm whole");
        Quoted.Duration(m.Groups["start"].Value, start, "process start-up");
        Quoted.Duration(m.Groups["jit"].Value, cold - warm - start, "JIT and tiering");
        Sourcing.Quotes(Page, "The cold run costs", "cold process", "geo/profile/stages.json");
        Sourcing.Quotes(Page, "The cold run costs", "warm benchmark", "geo/profile/stages.json");

        Quoted.Equal(Sourcing.Find(Page, @"Its real\s+share is inside \*parse records\* \((?<share>\d+)%\)").Groups["share"].Value, Percent("parse records"), "parse records' share");

        m = Sourcing.Find(Page, @"the JIT compilation and tiering that one worker's cold run spends, (?<jit>[\d.]+ s) \(see");
        Quoted.Duration(m.Groups["jit"].Value, cold - warm - start, "JIT and tiering, against ogr2ogr's findings");
        Sourcing.Quotes(Page, "the JIT compilation and tiering that one worker's cold run spends", "cold process", "geo/profile/stages.json");
        Sourcing.Quotes(Page, "the JIT compilation and tiering that one worker's cold run spends", "warm benchmark", "geo/profile/stages.json");

        m = Sourcing.Find(Page, @"the JIT and tiering of one worker's cold run, (?<jit>[\d.]+ s) by the stage profile");
        Quoted.Duration(m.Groups["jit"].Value, cold - warm - start, "JIT and tiering, in what the second worker loses");
        Sourcing.Quotes(Page, "the JIT and tiering of one worker's cold run", "cold process", "geo/profile/stages.json");
        Sourcing.Quotes(Page, "the JIT and tiering of one worker's cold run", "warm benchmark", "geo/profile/stages.json");

        m = Sourcing.Find(Page, @"About (?<start>[\d.]+ s) of start-up \(the stage profile's \*process start-up\*");
        Quoted.Duration(m.Groups["start"].Value, start, "start-up, in what the second worker loses");
        Sourcing.Quotes(Page, "of start-up (the stage profile's", "cold process", "geo/profile/stages.json");
    }

    [Fact]
    public void FuzzSection_QuotesNoUnkeptCounts_AndItsRegressionsAreKept()
    {
        string section = Sourcing.Find(Page, @"## Fuzzing(?<section>.*?)## Speed against ogr2ogr").Groups["section"].Value;
        Assert.Contains("no run's counts are kept in a results file", section, StringComparison.Ordinal);
        // Counts of cases of one run (such as "2,094 cases") are not quoted: no file keeps them.
        Assert.DoesNotMatch(@"\d[\d,]* cases\b", section);
        Assert.DoesNotMatch(@"\d[\d,]* (converted|per-file errors)\b", section);

        Match kept = Regex.Match(section, @"The (?<count>\w+) inputs in `FuzzRegressions/` are the ones a longer run found on (?<date>\d{4}-\d{2}-\d{2})");
        Assert.True(kept.Success, $"{Page}: the fuzzing section no longer says which inputs FuzzRegressions/ keeps");
        string[] regressions = Directory.GetDirectories(Path.Combine(RepositoryFiles.Root, "tests/ParallelSum.Geo.Tests/FuzzRegressions"));
        string[] words = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        Assert.Equal(kept.Groups["count"].Value, words[regressions.Length]);
        string day = kept.Groups["date"].Value.Replace("-", "", StringComparison.Ordinal);
        Assert.All(regressions, r => Assert.StartsWith($"case-{day}-", Path.GetFileName(r), StringComparison.Ordinal));
    }

    /// <summary>How many times faster <paramref name="faster"/>'s median is than <paramref name="slower"/>'s.</summary>
    private static double Gain(GeoBench bench, int files, string slower, string faster) => bench.Median(files, slower) / bench.Median(files, faster);

    /// <summary>What <c>xargs -P 2</c> gives <c>ogr2ogr</c> against file by file.</summary>
    private static double XargsGain(GeoBench bench, int files) => Gain(bench, files, "ogr2ogr", "ogr2ogr xargs -P 2");

    /// <summary>Asserts that a quoted range (<c>7.1–7.9</c>) is the least and the most of <paramref name="values"/>.</summary>
    private static void AssertRange(string quoted, double[] values, string what)
    {
        (string low, string high) = Quoted.Range(quoted);
        Quoted.Equal(low, values.Min(), what + ", least");
        Quoted.Equal(high, values.Max(), what + ", most");
    }
}

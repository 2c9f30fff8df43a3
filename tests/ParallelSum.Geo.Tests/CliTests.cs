using ParallelSum.Geo.Cli;

namespace ParallelSum.Geo.Tests;

/// <summary>Bad options fail fast, with exit code 2 and a message that names the option and what it accepts.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public static TheoryData<string[], string> BadOptions => new()
    {
        { ["convert", "--in", "IN", "--out", "OUT", "--mode", "bogus"], "Argument 'bogus' not recognized. Must be one of:" },
        { ["convert", "--in", "IN", "--out", "OUT", "--partitioner", "random"], "Argument 'random' not recognized. Must be one of:" },
        { ["convert", "--in", "IN", "--out", "OUT", "--workers", "0"], "--workers must be between 1 and 256; got 0." },
        { ["convert", "--in", "IN", "--out", "OUT", "--mode", "single", "--workers", "2"], "--workers 2 does not go with --mode single" },
        { ["convert", "--in", "IN/missing", "--out", "OUT"], "--in: folder '" },
        { ["convert", "--in", "IN", "--out", "OUT", "--mode", "fast"], "Argument 'fast' not recognized. Must be one of: 'single' 'threads' 'processes'" },
        { ["convert", "--in", "/nope", "--out", "OUT"], "--in: folder '/nope' does not exist." },
        { ["convert", "--out", "OUT"], "Option '--in' is required." },
        { ["convert", "--in", "IN", "--out", "OUT", "--encoding", "klingon-9"], "--encoding: unknown encoding 'klingon-9'; give a name such as windows-1252" },
        { ["convert", "--in", "IN", "--out", ""], "--out: the folder name is empty; give a folder to write into" },
        { ["convert", "--in", "IN", "--out", "FILE"], "is a file, not a folder; give a folder (it is created if missing)." },
        { ["convert", "--in", "IN", "--out", "FILE/below"], "--out: cannot write into '" },
        { ["convert", "--in", "IN", "--out", "OUT", "--report", ""], "--report: the file name is empty; give a file to write, in an existing folder." },
        { ["convert", "--in", "IN", "--out", "OUT", "--report", "IN/missing/report.json"], "--report: cannot write '" },
        { ["convert", "--in", "IN", "--out", "OUT", "--report", "IN"], "' is a folder; give a file to write" },
        { ["convert", "--in", "", "--out", "OUT"], "--in: the folder name is empty; give an existing folder." },
        { ["convert", "--in", "FILE", "--out", "OUT"], "' is a file; give a folder." },
        { ["verify", "--in", "IN", "--out", "IN/missing"], "--out: folder '" },
        { ["generate", "--out", "OUT", "--files", "0"], "--files must be 1 or more; got 0." },
        { ["generate", "--out", "OUT", "--min-features", "50", "--max-features", "10"], "--max-features (10) must be at least --min-features (50)." },
        { ["generate", "--out", "OUT", "--skew", "0.5"], "--skew must be between 1 and 100; got 0.5." },
        { ["bench", "--counts", "5,x"], "--counts: 'x' is not a whole number from 1 to 10000" },
        { ["bench", "--modes", "single,threads-sideways"], "--modes: 'threads-sideways' is not one of single, threads-static" },
        { ["bench", "--repetitions", "0"], "--repetitions must be between 1 and 50; got 0." },
        { ["bench", "--ogr2ogr", "2"], "--ogr2ogr needs --cold" },
        { ["bench", "--cold", "--program", "aot=IN/no-such-build"], "--program: 'aot=" },
        { ["bench", "--cold", "--program", "FILE"], "is not LABEL=PATH of an existing file" },
        { ["bench", "--program", "x=FILE"], "--program needs --cold" },
        { ["bench", "--cold", "--order", "largest-first"], "--cold converts each count's files in name order" },
        { ["profile", "--in", "IN", "--repetitions", "0"], "--repetitions must be between 1 and 50; got 0." },
        { ["profile", "--in", "IN"], "--in: no .shp files in" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task BadOption_ExitsWithTwo_AndNamesTheOption(string[] args, string message)
    {
        Directory.CreateDirectory(_folder.Sub("in"));
        await File.WriteAllTextAsync(_folder.Sub("afile"), "not a folder");
        string[] resolved = [.. args.Select(a => a
            .Replace("IN", _folder.Sub("in"), StringComparison.Ordinal)
            .Replace("OUT", _folder.Sub("out"), StringComparison.Ordinal)
            .Replace("FILE", _folder.Sub("afile"), StringComparison.Ordinal))];
        using var error = new StringWriter();

        int exit = await GeoCli.InvokeAsync(resolved, error);

        Assert.Equal(2, exit);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        string[] lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines); // one line naming the option and what is accepted, ending with the pointer to --help
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(" (see --help)", lines[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.Sub("out")), "a rejected command must not start any work");
    }

    [Fact]
    public async Task Convert_ExitsWithOne_WhenAFileFails()
    {
        string input = _folder.Sub("in");
        Directory.CreateDirectory(input);
        await File.WriteAllBytesAsync(Path.Combine(input, "broken.shp"), new byte[10]);
        using var error = new StringWriter();

        int exit = await GeoCli.InvokeAsync(["convert", "--in", input, "--out", _folder.Sub("out"), "--mode", "single"], error);

        Assert.Equal(1, exit);
    }

    public void Dispose() => _folder.Dispose();
}

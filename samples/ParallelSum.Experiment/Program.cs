using System.CommandLine;
using ParallelSum.Experiment;
using ParallelSum.Experiment.Plotting;
using ParallelSum.Experiment.Sweep;

var root = new RootCommand("ParallelSum experiment: generate N random integers and sum them, one way after another, as the original Python experiment did. With no command it runs the default sweep.")
{
    SweepCommand.Create(),
    RunCommand.Create(),
    PlotCommand.Create(),
    TrialCommand.Create(),
};

// With no command, run the sweep: on its defaults, or with the sweep options given (`-- --memory-limit 4G`).
bool sweepByDefault = args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version"));
ParseResult parse = root.Parse(sweepByDefault ? ["sweep", .. args] : args);
if (parse.Errors.Count > 0)
{
    // Every error on stderr and a non-zero exit, before any work: what scripts and people both need from a bad option.
    foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }

    Console.Error.WriteLine("(see --help)");
    return 2;
}

try
{
    return await parse.InvokeAsync();
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidDataException or IOException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

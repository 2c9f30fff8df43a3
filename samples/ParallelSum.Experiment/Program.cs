using System.CommandLine;
using ParallelSum.Experiment;

var run = RunCommand.Create();
var root = new RootCommand("ParallelSum experiment: generate N random integers and sum them, one way after another, as the original Python experiment did.")
{
    run,
};

// With no command, run the experiment on its defaults.
ParseResult parse = root.Parse(args.Length == 0 ? ["run"] : args);
if (parse.Errors.Count > 0)
{
    // One line on stderr and a non-zero exit: what scripts and people both need from a bad option.
    Console.Error.WriteLine($"error: {parse.Errors[0].Message} (see --help)");
    return 2;
}

try
{
    return await parse.InvokeAsync();
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

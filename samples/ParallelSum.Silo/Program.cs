using System.CommandLine;
using ParallelSum.Silo;

// ParallelSum.Silo: with no arguments, a one-silo Orleans cluster on loopback; `sum` sends a request to a running cluster.
// Exit codes (docs/exit-codes.md): 0 done, 1 the work failed or the cluster could not be reached, 2 bad usage, 130 cancelled.
var root = new RootCommand("Orleans silo host for ParallelSum's distributed strategy. No arguments: a one-silo cluster on 127.0.0.1 (silo port 11111, gateway 30000).");
SiloCommand.Configure(root);
var sum = new Command("sum", "Connect to a running cluster as a client and compute one exact distributed sum.");
SumCommand.Configure(sum);
root.Subcommands.Add(sum);

ParseResult parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    Console.Error.WriteLine($"error: {parse.Errors[0].Message} (see --help)");
    return 2;
}

try
{
    // No default exception handler: an unexpected error is one line (below), never a stack trace.
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) }).ConfigureAwait(false);
}
catch (Exception e)
{
    Console.Error.WriteLine($"error: {e.GetType().Name}: {e.Message}");
    return 1;
}

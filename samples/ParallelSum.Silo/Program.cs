using System.CommandLine;
using ParallelSum.Silo;

// ParallelSum.Silo: with no arguments, a one-silo Orleans cluster on loopback; `sum` sends a request to a running cluster.
var root = new RootCommand("Orleans silo host for ParallelSum's distributed strategy. No arguments: a one-silo cluster on 127.0.0.1 (silo port 11111, gateway 30000).");
SiloCommand.Configure(root);
var sum = new Command("sum", "Connect to a running cluster as a client and compute one exact distributed sum.");
SumCommand.Configure(sum);
root.Subcommands.Add(sum);
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);

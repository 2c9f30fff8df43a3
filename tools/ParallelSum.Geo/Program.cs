using ParallelSum.Geo.Cli;

return await GeoCli.InvokeAsync(args, Console.Error).ConfigureAwait(false);

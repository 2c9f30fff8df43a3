using System.Globalization;

namespace ParallelSum.Orleans.Tests;

/// <summary>A redis-server on a free loopback port with no persistence, for membership; disposing kills it.</summary>
internal sealed class RedisServer : IDisposable
{
    private readonly SampleProcess _process;

    private RedisServer(SampleProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public static Task<RedisServer> StartAsync() => StartAsync(SampleProcess.FreePort());

    /// <summary>Kills this server (SIGKILL) and starts an empty one on the same port.</summary>
    public async Task<RedisServer> RestartEmptyAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Dispose();
        return await StartAsync(Port);
    }

    public void Dispose() => _process.Dispose();

    private static async Task<RedisServer> StartAsync(int port)
    {
        var process = SampleProcess.Start(RedisFactAttribute.RedisServerPath!, "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
        try
        {
            await process.WaitForLineAsync("Ready to accept connections", TimeSpan.FromSeconds(30));
            return new RedisServer(process, port);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }
}

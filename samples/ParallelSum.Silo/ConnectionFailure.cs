using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace ParallelSum.Silo;

/// <summary>
/// Why a silo or client could not reach its cluster, in words an operator can act on: which endpoint, what happened, and
/// what to check, instead of a library's advice about its own settings (StackExchange.Redis suggests <c>abortConnect=false</c>
/// "in your code", which a command-line user cannot set).
/// </summary>
internal static class ConnectionFailure
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>One line for <paramref name="error"/>, a failure to start or connect with membership in <paramref name="redis"/>
    /// (<see langword="null"/> for localhost clustering).</summary>
    public static string Describe(Exception error, string? redis)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is RedisConnectionException failure)
            {
                return Unreachable(redis ?? "the membership store", failure.FailureType.ToString());
            }
        }

        Exception root = error.GetBaseException();
        return $"{root.GetType().Name}: {root.Message.Split('\n')[0].Trim()}";
    }

    /// <summary>Why a client found no silo in time: whether Redis (when used) accepts connections at all, and what to check
    /// either way.</summary>
    public static async Task<string> NoSiloAsync(string? redis, IReadOnlyList<int> gatewayPorts, string clusterId, string serviceId)
    {
        if (redis is null)
        {
            return $"no silo answered on 127.0.0.1 gateway port {string.Join(", ", gatewayPorts)}; check that a silo runs with that --gateway-port and --cluster-id {clusterId} --service-id {serviceId}";
        }

        return await ProbeAsync(redis).ConfigureAwait(false) is string problem
            ? Unreachable(redis, problem)
            : $"Redis at {redis} answers, but no silo of cluster {clusterId}/{serviceId} answered; check that silos run with --redis {redis} and the same --cluster-id and --service-id";
    }

    private static string Unreachable(string redis, string why) =>
        $"Redis at {redis} cannot be reached ({why}); check that redis-server runs there and that this machine can reach it";

    /// <summary>Opens a TCP connection to each endpoint of <paramref name="redis"/>; returns why none accepted, or
    /// <see langword="null"/> when one did.</summary>
    private static async Task<string?> ProbeAsync(string redis)
    {
        string? problem = null;
        EndPointCollection endpoints;
        try
        {
            endpoints = ConfigurationOptions.Parse(redis).EndPoints;
        }
        catch (ArgumentException e)
        {
            return $"not a Redis connection string: {e.Message}";
        }

        foreach (EndPoint endpoint in endpoints)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            using var timeout = new CancellationTokenSource(ProbeTimeout);
            try
            {
                await socket.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
                return null;
            }
            catch (SocketException e)
            {
                problem = e.Message;
            }
            catch (OperationCanceledException)
            {
                problem = $"no answer within {ProbeTimeout.TotalSeconds:F0} s";
            }
        }

        return problem ?? "no endpoint in the connection string";
    }
}

using System.Net;
using System.Net.Sockets;

namespace ParallelSum.Silo;

/// <summary>
/// Checks, before the silo starts, that it can listen on its ports: Orleans' own sockets share a port with another process's
/// (port reuse), so a second silo started on a running silo's ports would start and split the connections between two
/// unrelated clusters. A plain socket asks for the port alone, and is refused while anything listens there.
/// </summary>
internal static class ListenCheck
{
    /// <summary>Why the silo cannot listen on <paramref name="address"/>:<paramref name="port"/>, in one line; <see langword="null"/>
    /// when it can.</summary>
    /// <param name="address">The address the silo will listen on.</param>
    /// <param name="port">The port.</param>
    /// <param name="option">The option that named the port, for the message.</param>
    public static string? Problem(IPAddress address, int port, string option)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return $"{option} {port} is in use on {address}: another silo or program listens there";
        }
        catch (SocketException e)
        {
            return $"cannot listen on {address} port {port} ({option}): {e.Message}";
        }
    }
}

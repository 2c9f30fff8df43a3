using System.Buffers;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// Reads a results file line by line, never holding more than one line of at most <see cref="ResultLimits.MaxLineBytes"/>
/// bytes: a file with a line of gigabytes is refused at the byte that passes the limit, not after reading it.
/// </summary>
internal sealed class ResultsLineReader(Stream stream, string path) : IDisposable
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new();
    private int _start;
    private int _end;
    private bool _endOfFile;

    /// <summary>The 1-based number of the line <see cref="TryReadLine"/> returned last.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line, without its <c>\n</c>; false at the end of the file.</summary>
    /// <param name="line">The line's bytes (a trailing <c>\r</c> is kept; JSON ignores it).</param>
    /// <param name="terminated">Whether the line ended with <c>\n</c>: the last line of a file cut short does not.</param>
    /// <exception cref="InvalidDataException">The line is longer than <see cref="ResultLimits.MaxLineBytes"/> bytes.</exception>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out bool terminated)
    {
        _line.ResetWrittenCount();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = _endOfFile ? 0 : stream.Read(_buffer, 0, _buffer.Length);
                if (_end == 0)
                {
                    _endOfFile = true;
                    terminated = false;
                    line = _line.WrittenMemory;
                    if (_line.WrittenCount == 0)
                    {
                        return false;
                    }

                    LineNumber++;
                    return true;
                }
            }

            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int length = (newline < 0 ? _end : newline) - _start;
            if (_line.WrittenCount + length > ResultLimits.MaxLineBytes)
            {
                throw new InvalidDataException($"{path}:{LineNumber + 1}: the line is longer than {ResultLimits.MaxLineBytes} bytes; a results line is at most {ResultLimits.MaxLineBytes} bytes");
            }

            _line.Write(_buffer.AsSpan(_start, length));
            _start += length;
            if (newline >= 0)
            {
                _start++;
                LineNumber++;
                terminated = true;
                line = _line.WrittenMemory;
                return true;
            }
        }
    }

    public void Dispose() => stream.Dispose();
}

using System.Buffers;
using System.Text;

namespace SiteGen.Rendering;

/// <summary>
/// A TextWriter into char arrays rented from the shared pool, for rendering a page: unlike StringWriter it builds no
/// StringBuilder, and the text is encoded as UTF-8 once, chunk by chunk, instead of through a string copy. Not
/// thread-safe; dispose to give the arrays back.
/// </summary>
/// <remarks>
/// The text goes into chunks that double in size up to <see cref="MaxChunkSize"/> and are never copied when the text
/// grows: one growing array allocates several times the text at its largest (the list page of a large course). No chunk ends with a high surrogate whose low surrogate follows in the next one, so
/// each chunk encodes on its own to the bytes the whole text would.
/// </remarks>
public sealed class PooledCharWriter : TextWriter
{
    private const int InitialSize = 16 * 1024;
    private const int MaxChunkSize = 512 * 1024;

    private readonly List<char[]> _chunks;
    /// <summary>Chars used in each chunk before the current one.</summary>
    private readonly List<int> _filled = [];
    private char[] _current;
    private int _used;
    private int _filledLength;
    private bool _disposed;

    public PooledCharWriter(IFormatProvider formatProvider) : base(formatProvider)
    {
        _current = ArrayPool<char>.Shared.Rent(InitialSize);
        _chunks = [_current];
    }

    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>Chars written so far.</summary>
    public int Length => _filledLength + _used;

    /// <summary>The first char written (the writer must not be empty).</summary>
    public char First => _chunks[0][0];

    /// <summary>The last char written (the writer must not be empty).</summary>
    public char Last => _used > 0 ? _current[_used - 1] : _chunks[_filled.Count - 1][_filled[^1] - 1];

    public override void Write(char value)
    {
        var current = _current;
        if (_used < current.Length - 1)
        {
            current[_used++] = value;
            return;
        }
        // The last slot of a chunk takes no high surrogate: its pair would be split between chunks.
        if (_used == current.Length || char.IsHighSurrogate(value)) current = NextChunk();
        current[_used++] = value;
    }

    public override void Write(string? value)
    {
        if (value is not null) Write(value.AsSpan());
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(char[]? buffer)
    {
        if (buffer is not null) Write(buffer.AsSpan());
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var current = _current;
        while (true)
        {
            var free = current.Length - _used;
            if (buffer.Length < free || (buffer.Length == free && (free == 0 || !char.IsHighSurrogate(buffer[^1]))))
            {
                buffer.CopyTo(current.AsSpan(_used));
                _used += buffer.Length;
                return;
            }
            var take = Math.Min(free, buffer.Length);
            if (take > 0 && char.IsHighSurrogate(buffer[take - 1])) take--;
            buffer[..take].CopyTo(current.AsSpan(_used));
            _used += take;
            buffer = buffer[take..];
            current = NextChunk();
        }
    }

    public override void Write(StringBuilder? value)
    {
        if (value is null) return;
        foreach (var chunk in value.GetChunks()) Write(chunk.Span);
    }

    /// <summary>Starts again from empty, keeping the arrays.</summary>
    public void Clear()
    {
        _filled.Clear();
        _filledLength = 0;
        _current = _chunks[0];
        _used = 0;
    }

    /// <summary>The text as one span, valid until the next write; text in several chunks is joined into one array first.</summary>
    public ReadOnlySpan<char> AsSpan()
    {
        if (_filled.Count > 0)
        {
            var length = Length;
            var joined = ArrayPool<char>.Shared.Rent(length);
            CopyTo(joined);
            foreach (var chunk in _chunks) ArrayPool<char>.Shared.Return(chunk);
            _chunks.Clear();
            _chunks.Add(joined);
            _filled.Clear();
            _filledLength = 0;
            _current = joined;
            _used = length;
        }
        return _current.AsSpan(0, _used);
    }

    /// <summary>Bytes of the text as UTF-8 (a lone surrogate counts as U+FFFD, as <see cref="Encoding.UTF8"/> makes it).</summary>
    public int Utf8Length()
    {
        var count = 0;
        for (var i = 0; i < _filled.Count; i++) count += Encoding.UTF8.GetByteCount(_chunks[i].AsSpan(0, _filled[i]));
        return count + Encoding.UTF8.GetByteCount(_current.AsSpan(0, _used));
    }

    /// <summary>Encodes the text as UTF-8 into <paramref name="destination"/> (at least <see cref="Utf8Length"/> bytes); returns the bytes written.</summary>
    public int WriteUtf8(Span<byte> destination)
    {
        var written = 0;
        for (var i = 0; i < _filled.Count; i++) written += Encoding.UTF8.GetBytes(_chunks[i].AsSpan(0, _filled[i]), destination[written..]);
        return written + Encoding.UTF8.GetBytes(_current.AsSpan(0, _used), destination[written..]);
    }

    /// <summary>The text as UTF-8, in an array of exactly its length.</summary>
    public byte[] ToUtf8()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(Utf8Length());
        WriteUtf8(bytes);
        return bytes;
    }

    public override string ToString() => string.Create(Length, this, static (text, writer) => writer.CopyTo(text));

    private void CopyTo(Span<char> destination)
    {
        var at = 0;
        for (var i = 0; i < _filled.Count; i++)
        {
            _chunks[i].AsSpan(0, _filled[i]).CopyTo(destination[at..]);
            at += _filled[i];
        }
        _current.AsSpan(0, _used).CopyTo(destination[at..]);
    }

    private char[] NextChunk()
    {
        _filled.Add(_used);
        _filledLength += _used;
        var index = _filled.Count;
        if (index == _chunks.Count) _chunks.Add(ArrayPool<char>.Shared.Rent(Math.Min(_current.Length * 2, MaxChunkSize)));
        _used = 0;
        return _current = _chunks[index];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            foreach (var chunk in _chunks) ArrayPool<char>.Shared.Return(chunk);
            _chunks.Clear();
            _filled.Clear();
            _current = [];
            _used = 0;
            _filledLength = 0;
        }
        base.Dispose(disposing);
    }
}

using System.Buffers;
using System.Text;

namespace SiteGen.Rendering;

/// <summary>
/// A TextWriter into one growing char array rented from the shared pool, for rendering a page: unlike StringWriter it
/// builds no chunked StringBuilder, and the text is taken out as a span (to encode as UTF-8 once) instead of a string
/// copy. Not thread-safe; dispose to give the array back.
/// </summary>
public sealed class PooledCharWriter(IFormatProvider formatProvider) : TextWriter(formatProvider)
{
    private const int InitialSize = 16 * 1024;
    private char[] _buffer = ArrayPool<char>.Shared.Rent(InitialSize);
    private int _length;

    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>What was written so far; valid until the next write.</summary>
    public ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

    public override void Write(char value)
    {
        if (_length == _buffer.Length) Grow(1);
        _buffer[_length++] = value;
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
        if (_buffer.Length - _length < buffer.Length) Grow(buffer.Length);
        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(StringBuilder? value)
    {
        if (value is null) return;
        foreach (var chunk in value.GetChunks()) Write(chunk.Span);
    }

    /// <summary>Starts again from empty, keeping the array.</summary>
    public void Clear() => _length = 0;

    /// <summary>The text as UTF-8, in an array of exactly its length.</summary>
    public byte[] ToUtf8()
    {
        var text = Written;
        var bytes = GC.AllocateUninitializedArray<byte>(Encoding.UTF8.GetByteCount(text));
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    public override string ToString() => new(Written);

    private void Grow(int needed)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        if (_buffer.Length > 0) ArrayPool<char>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
        base.Dispose(disposing);
    }
}

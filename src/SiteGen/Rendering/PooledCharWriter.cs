using System.Text;
using SiteGen.Buffers;

namespace SiteGen.Rendering;

/// <summary>
/// A TextWriter into pooled chunks (<see cref="PooledChunks{T}"/>), for rendering a page: unlike StringWriter it builds
/// no StringBuilder, and the text is encoded as UTF-8 once, chunk by chunk, instead of through a string copy. Not
/// thread-safe; dispose to give the arrays back.
/// </summary>
/// <remarks>
/// No chunk ends with a high surrogate whose low surrogate follows in the next one (a high surrogate is written only
/// where the chunk has room for its pair), so each chunk encodes on its own to the bytes the whole text would.
/// </remarks>
public sealed class PooledCharWriter : TextWriter
{
    private const int InitialSize = 16 * 1024;
    private const int MaxChunkSize = 512 * 1024;

    private readonly PooledChunks<char> _text = new(InitialSize, MaxChunkSize);

    public PooledCharWriter(IFormatProvider formatProvider) : base(formatProvider)
    {
    }

    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>Chars written so far.</summary>
    public int Length => (int)_text.Length;

    /// <summary>The first char written (the writer must not be empty).</summary>
    public char First => _text.Chunk(0)[0];

    /// <summary>The last char written (the writer must not be empty).</summary>
    public char Last
    {
        get
        {
            var i = _text.ChunkCount - 1;
            while (_text.Chunk(i).IsEmpty) i--;
            return _text.Chunk(i)[^1];
        }
    }

    public override void Write(char value)
    {
        _text.GetSpan(char.IsHighSurrogate(value) ? 2 : 1)[0] = value;
        _text.Advance(1);
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
        var need = 1;
        while (!buffer.IsEmpty)
        {
            var free = _text.GetSpan(need);
            var take = Math.Min(free.Length, buffer.Length);
            // A high surrogate never fills a chunk: its pair would be split between two.
            if (take == free.Length && char.IsHighSurrogate(buffer[take - 1])) take--;
            if (take == 0)
            {
                need = 2;
                continue;
            }
            buffer[..take].CopyTo(free);
            _text.Advance(take);
            buffer = buffer[take..];
            need = 1;
        }
    }

    public override void Write(StringBuilder? value)
    {
        if (value is null) return;
        foreach (var chunk in value.GetChunks()) Write(chunk.Span);
    }

    /// <summary>Starts again from empty, keeping the arrays.</summary>
    public void Clear() => _text.Clear();

    /// <summary>The text as one span, valid until the next write; text in several chunks is joined into one array first.</summary>
    public ReadOnlySpan<char> AsSpan() => _text.AsSpan();

    /// <summary>Bytes of the text as UTF-8 (a lone surrogate counts as U+FFFD, as <see cref="Encoding.UTF8"/> makes it).</summary>
    public int Utf8Length()
    {
        var count = 0;
        for (var i = 0; i < _text.ChunkCount; i++) count += Encoding.UTF8.GetByteCount(_text.Chunk(i));
        return count;
    }

    /// <summary>Encodes the text as UTF-8 into <paramref name="destination"/> (at least <see cref="Utf8Length"/> bytes); returns the bytes written.</summary>
    public int WriteUtf8(Span<byte> destination)
    {
        var written = 0;
        for (var i = 0; i < _text.ChunkCount; i++) written += Encoding.UTF8.GetBytes(_text.Chunk(i), destination[written..]);
        return written;
    }

    /// <summary>The text as UTF-8, in an array of exactly its length.</summary>
    public byte[] ToUtf8()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(Utf8Length());
        WriteUtf8(bytes);
        return bytes;
    }

    public override string ToString() => string.Create(Length, _text, static (text, chunks) => chunks.CopyTo(text));

    protected override void Dispose(bool disposing)
    {
        if (disposing) _text.Dispose();
        base.Dispose(disposing);
    }
}

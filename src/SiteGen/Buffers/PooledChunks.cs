using System.Buffers;

namespace SiteGen.Buffers;

/// <summary>
/// Output gathered in arrays rented from the shared pool and copied once at the end: the one pooled output buffer of
/// the build (rendered pages as chars, catalog files as bytes). Chunks grow from <c>initialChunk</c> by doubling up to
/// <c>maxChunk</c> and are never copied while the output grows: one growing array (MemoryStream,
/// <see cref="ArrayBufferWriter{T}"/>) allocates several times the output at its largest and copies it again to hand it
/// out. Not thread-safe; dispose to give the arrays back.
/// </summary>
/// <remarks>
/// <see cref="GetSpan"/> keeps its promise by starting a new chunk when the current one has less room than asked
/// for: a writer that must not split a unit (a surrogate pair) asks for the whole unit.
/// </remarks>
public sealed class PooledChunks<T> : IBufferWriter<T>, IDisposable
{
    private readonly int _maxChunk;
    private readonly List<T[]> _chunks;
    /// <summary>Items used in each chunk before the current one.</summary>
    private readonly List<int> _filled = [];
    private T[] _current;
    private int _used;
    private long _filledLength;

    public PooledChunks(int initialChunk, int maxChunk)
    {
        _maxChunk = maxChunk;
        _current = ArrayPool<T>.Shared.Rent(initialChunk);
        _chunks = [_current];
    }

    /// <summary>Items written so far.</summary>
    public long Length => _filledLength + _used;

    /// <summary>Chunks holding the output, in order (the last one is the current chunk).</summary>
    public int ChunkCount => _filled.Count + 1;

    /// <summary>The items of chunk <paramref name="index"/>, valid until the next write.</summary>
    public ReadOnlySpan<T> Chunk(int index) =>
        index == _filled.Count ? _current.AsSpan(0, _used) : _chunks[index].AsSpan(0, _filled[index]);

    public Span<T> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsSpan(_used);
    }

    public Memory<T> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsMemory(_used);
    }

    public void Advance(int count) => _used += count;

    /// <summary>Appends <paramref name="items"/>, filling the current chunk before starting the next.</summary>
    public void Write(ReadOnlySpan<T> items)
    {
        while (!items.IsEmpty)
        {
            var free = GetSpan(1);
            var take = Math.Min(free.Length, items.Length);
            items[..take].CopyTo(free);
            _used += take;
            items = items[take..];
        }
    }

    /// <summary>Starts again from empty, keeping the arrays.</summary>
    public void Clear()
    {
        _filled.Clear();
        _filledLength = 0;
        _current = _chunks[0];
        _used = 0;
    }

    public void CopyTo(Span<T> destination)
    {
        var at = 0;
        for (var i = 0; i < ChunkCount; i++)
        {
            var chunk = Chunk(i);
            chunk.CopyTo(destination[at..]);
            at += chunk.Length;
        }
    }

    /// <summary>The output followed by <paramref name="tail"/>, in a new array of exactly that length.</summary>
    public T[] ToArray(ReadOnlySpan<T> tail = default)
    {
        var items = GC.AllocateUninitializedArray<T>(checked((int)(Length + tail.Length)));
        CopyTo(items);
        tail.CopyTo(items.AsSpan(checked((int)Length)));
        return items;
    }

    /// <summary>The output as one span, valid until the next write; output in several chunks is joined into one array first.</summary>
    public ReadOnlySpan<T> AsSpan()
    {
        if (_filled.Count > 0)
        {
            var length = checked((int)Length);
            var joined = ArrayPool<T>.Shared.Rent(length);
            CopyTo(joined);
            ReturnAll();
            _chunks.Add(joined);
            _current = joined;
            _used = length;
        }
        return _current.AsSpan(0, _used);
    }

    private void Reserve(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_current.Length - _used >= sizeHint) return;
        _filled.Add(_used);
        _filledLength += _used;
        var index = _filled.Count;
        // After Clear the chunks rented before are reused while they are large enough.
        if (index < _chunks.Count && _chunks[index].Length >= sizeHint)
            _current = _chunks[index];
        else
        {
            var next = ArrayPool<T>.Shared.Rent(Math.Max(Math.Min(_current.Length * 2, _maxChunk), sizeHint));
            if (index < _chunks.Count)
            {
                ArrayPool<T>.Shared.Return(_chunks[index]);
                _chunks[index] = next;
            }
            else _chunks.Add(next);
            _current = next;
        }
        _used = 0;
    }

    private void ReturnAll()
    {
        foreach (var chunk in _chunks) ArrayPool<T>.Shared.Return(chunk);
        _chunks.Clear();
        _filled.Clear();
        _filledLength = 0;
        _current = [];
        _used = 0;
    }

    public void Dispose() => ReturnAll();
}

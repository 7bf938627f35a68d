using SiteGen.Buffers;

namespace SiteGen.Tests.Buffers;

public class PooledChunksTests
{
    /// <summary>Random writes (spans of every size, reserved spans, size hints past a chunk) into the buffer and a MemoryStream.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Output_is_that_of_a_memory_stream_across_chunk_ends(int seed)
    {
        var random = new Random(seed);
        using var chunks = new PooledChunks<byte>(64, 1024);
        var expected = new MemoryStream();
        for (var i = 0; i < 2_000; i++)
        {
            var bytes = new byte[random.Next(0, i % 100 == 0 ? 5_000 : 90)];
            random.NextBytes(bytes);
            if (random.Next(2) == 0) chunks.Write(bytes);
            else
            {
                var span = chunks.GetSpan(bytes.Length);
                Assert.True(span.Length >= bytes.Length);
                bytes.CopyTo(span);
                chunks.Advance(bytes.Length);
            }
            expected.Write(bytes);
        }

        Assert.True(chunks.ChunkCount > 10);
        Assert.Equal(expected.Length, chunks.Length);
        Assert.Equal(expected.ToArray(), chunks.ToArray());
        Assert.Equal([.. expected.ToArray(), 1, 2], chunks.ToArray([1, 2]));
        Assert.Equal(expected.ToArray(), chunks.AsSpan().ToArray());
        Assert.Equal(1, chunks.ChunkCount);
    }

    [Fact]
    public void Clear_reuses_the_chunks_and_starts_from_empty()
    {
        using var chunks = new PooledChunks<char>(16, 64);
        chunks.Write(new string('a', 1_000));
        chunks.Clear();
        Assert.Equal(0, chunks.Length);
        chunks.Write("page".AsSpan());
        chunks.Write(new string('b', 500));
        Assert.Equal("page" + new string('b', 500), new string(chunks.ToArray()));
    }

    [Fact]
    public void A_size_hint_larger_than_the_largest_chunk_is_kept()
    {
        using var chunks = new PooledChunks<byte>(16, 32);
        chunks.Write([1, 2, 3]);
        var span = chunks.GetSpan(100);
        Assert.True(span.Length >= 100);
        span[..100].Fill(7);
        chunks.Advance(100);
        Assert.Equal([1, 2, 3, .. Enumerable.Repeat((byte)7, 100)], chunks.ToArray());
    }
}

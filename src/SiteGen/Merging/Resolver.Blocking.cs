using System.Runtime.Intrinsics;
using SiteGen.Model;

namespace SiteGen.Merging;

/// <summary>Candidate blocks: the keys that put records that may be one paper into the same block, MinHash bands among them.</summary>
public static partial class Resolver
{
    private readonly record struct Edge(int A, int B, double Score);

    private sealed class Blocks
    {
        public required int[] RecordStart { get; init; }
        public required int[] RecordBlocks { get; init; }
        public required int[] BlockStart { get; init; }
        public required int[] Members { get; init; }
        public int BlockCount => BlockStart.Length - 1;

        public static Blocks None(int records) => new() { RecordStart = new int[records + 1], RecordBlocks = [], BlockStart = [0], Members = [] };
    }

    /// <summary>Every record's blocking keys, grouped by sorting; only blocks of 2..MaxBlockSize members are kept.</summary>
    private static Blocks BuildBlocks(RecordFeatures[] f, ResolverOptions o, ParallelOptions parallel)
    {
        var n = f.Length;
        // Document frequency of title words, for the rare-word key.
        var df = new Dictionary<uint, int>();
        foreach (var x in f)
            foreach (var t in x.TitleSet)
                df[t] = df.GetValueOrDefault(t) + 1;

        // Every record's keys go straight into its fixed slot of one array (at most KeySlots keys each), then are packed.
        var slots = KeySlots(o);
        var keys = new ulong[(long)n * slots];
        var keyCount = new byte[n];
        var seeds = LshSeeds(o.LshBands * o.LshRows);
        Parallel.For(0, n, parallel, i => keyCount[i] = (byte)Keys(f[i], df, seeds, o, keys.AsSpan((int)((long)i * slots), slots)));

        long total = 0;
        for (var i = 0; i < n; i++)
        {
            // Packing moves keys only towards the front, over slots already read.
            Array.Copy(keys, (long)i * slots, keys, total, keyCount[i]);
            total += keyCount[i];
        }
        var recs = new int[total];
        for (int i = 0, w = 0; i < n; i++)
            for (var k = 0; k < keyCount[i]; k++) recs[w++] = i;
        Array.Sort(keys, recs, 0, (int)total);

        // Keep blocks with 2..MaxBlockSize members: first find their ranges, then lay them out without per-entry lists.
        var ranges = new List<(long Start, long End)>();
        for (long s0 = 0; s0 < total;)
        {
            var e = s0 + 1;
            while (e < total && keys[e] == keys[s0]) e++;
            if (e - s0 >= 2 && e - s0 <= o.MaxBlockSize) ranges.Add((s0, e));
            s0 = e;
        }
        var blockStart = new int[ranges.Count + 1];
        var recordBlockCount = new int[n];
        var width = 0;
        for (var b = 0; b < ranges.Count; b++)
        {
            blockStart[b] = width;
            width += (int)(ranges[b].End - ranges[b].Start);
        }
        blockStart[ranges.Count] = width;
        var members = new int[width];
        for (var b = 0; b < ranges.Count; b++)
        {
            var at = blockStart[b];
            for (var q = ranges[b].Start; q < ranges[b].End; q++)
            {
                members[at++] = recs[q];
                recordBlockCount[recs[q]]++;
            }
        }
        keys = null!;
        recs = null!;
        var recordStart = new int[n + 1];
        for (var i = 0; i < n; i++) recordStart[i + 1] = recordStart[i] + recordBlockCount[i];
        var recordBlocks = new int[recordStart[n]];
        var fill = (int[])recordStart.Clone();
        for (var b = 0; b < ranges.Count; b++)
            for (var q = blockStart[b]; q < blockStart[b + 1]; q++) recordBlocks[fill[members[q]]++] = b;
        return new Blocks { RecordStart = recordStart, RecordBlocks = recordBlocks, BlockStart = blockStart, Members = members };
    }

    /// <summary>For each seed the minimum over the shingles of the high half of (shingle * golden ^ seed) * seed.</summary>
    private static void MinHash(ReadOnlySpan<uint> shingles, ulong[] seeds, Span<uint> mins)
    {
        if (Vector512.IsHardwareAccelerated && seeds.Length % Vector512<ulong>.Count == 0 && seeds.Length <= 64)
            MinHashVector(shingles, seeds, mins);
        else
            MinHashScalar(shingles, seeds, mins);
    }

    /// <summary>Eight seeds per vector: the same products and minimums as <see cref="MinHashScalar"/>, eight at a time.</summary>
    internal static void MinHashVector(ReadOnlySpan<uint> shingles, ulong[] seeds, Span<uint> mins)
    {
        var lanes = Vector512<ulong>.Count;
        var groups = seeds.Length / lanes;
        Span<Vector512<ulong>> seedVectors = stackalloc Vector512<ulong>[groups];
        Span<Vector512<ulong>> minVectors = stackalloc Vector512<ulong>[groups];
        for (var g = 0; g < groups; g++)
        {
            seedVectors[g] = Vector512.Create(seeds.AsSpan(g * lanes, lanes));
            minVectors[g] = Vector512.Create((ulong)uint.MaxValue);
        }
        foreach (var sh in shingles)
        {
            var v = Vector512.Create((ulong)sh * 0x9E3779B97F4A7C15UL);
            for (var g = 0; g < groups; g++)
                minVectors[g] = Vector512.Min(minVectors[g], Vector512.ShiftRightLogical((v ^ seedVectors[g]) * seedVectors[g], 32));
        }
        for (var g = 0; g < groups; g++)
            for (var l = 0; l < lanes; l++) mins[g * lanes + l] = (uint)minVectors[g].GetElement(l);
    }

    /// <summary>The portable loop, for machines without 512-bit vectors.</summary>
    internal static void MinHashScalar(ReadOnlySpan<uint> shingles, ulong[] seeds, Span<uint> mins)
    {
        mins.Fill(uint.MaxValue);
        foreach (var sh in shingles)
        {
            var v = (ulong)sh * 0x9E3779B97F4A7C15UL;
            for (var k = 0; k < seeds.Length; k++)
            {
                var h = (uint)(((v ^ seeds[k]) * seeds[k]) >> 32);
                if (h < mins[k]) mins[k] = h;
            }
        }
    }

    internal static ulong[] LshSeeds(int count)
    {
        var seeds = new ulong[count];
        var s = 0x243F6A8885A308D3UL;
        for (var i = 0; i < count; i++) { s = StableHash.Mix(s + 0x9E3779B97F4A7C15UL); seeds[i] = s | 1; }
        return seeds;
    }

    /// <summary>Most keys a record has: squashed title and its prefix, title prefix, two rare words, abstract start, one per LSH band.</summary>
    private static int KeySlots(ResolverOptions o) => 6 + o.LshBands;

    private static int Keys(RecordFeatures x, Dictionary<uint, int> df, ulong[] seeds, ResolverOptions o, Span<ulong> keys)
    {
        var count = 0;
        void Add(Span<ulong> into, ulong key) => into[count++] = key;
        if (x.Squashed.Length >= 8)
        {
            Add(keys, StableHash.Mix(SaltSquash ^ StableHash.Fnv1a(x.Squashed.AsSpan())));
            if (x.Squashed.Length >= 24) Add(keys, StableHash.Mix(SaltSquashPrefix ^ StableHash.Fnv1a(x.Squashed.AsSpan(0, 20))));
        }
        if (x.TitleSeq.Length >= 3)
        {
            var prefix = SaltPrefix;
            for (var t = 0; t < Math.Min(6, x.TitleSeq.Length); t++) prefix = StableHash.Mix(prefix ^ x.TitleSeq[t]);
            Add(keys, prefix);
            // The two rarest title words, leaving out the last one (a cut title ends in half a word).
            uint best1 = 0, best2 = 0;
            int f1 = int.MaxValue, f2 = int.MaxValue;
            for (var t = 0; t < x.TitleSeq.Length - 1; t++)
            {
                var tok = x.TitleSeq[t];
                var c = df.GetValueOrDefault(tok);
                if (tok == best1 || tok == best2) continue;
                if (c < f1 || (c == f1 && tok < best1)) { best2 = best1; f2 = f1; best1 = tok; f1 = c; }
                else if (c < f2 || (c == f2 && tok < best2)) { best2 = tok; f2 = c; }
            }
            if (f1 <= o.MaxBlockSize) Add(keys, StableHash.Mix(SaltRare ^ best1));
            if (f2 <= o.MaxBlockSize) Add(keys, StableHash.Mix(SaltRare ^ best2));
        }
        if (x.HeadKey != 0) Add(keys, StableHash.Mix(SaltHead ^ x.HeadKey));
        if (x.Shingles.Length >= 4)
        {
            // MinHash: for each seed the minimum of a multiply-xorshift of every shingle; bands of rows hashed together.
            Span<uint> mins = stackalloc uint[seeds.Length];
            MinHash(x.Shingles, seeds, mins);
            for (var band = 0; band < o.LshBands; band++)
            {
                var h = SaltLsh + (ulong)band;
                for (var r = 0; r < o.LshRows; r++) h = StableHash.Mix(h ^ mins[band * o.LshRows + r]);
                Add(keys, h);
            }
        }
        return count;
    }
}

namespace SiteGen.Merging;

internal enum UnionOutcome { Joined, AlreadyTogether, IdConflict, Forbidden }

/// <summary>
/// Union-find that never builds a cluster holding two different arXiv ids (the would-be cluster is kept split),
/// nor one joining two records an instructor marked as different.
/// </summary>
internal sealed class ClusterSet
{
    private readonly int[] _parent;
    private readonly byte[] _rank;
    private readonly string?[] _id;
    private readonly List<(int[] A, int[] B)> _cannotLink = [];

    public ClusterSet(int n, RecordFeatures[] features)
    {
        _parent = new int[n];
        _rank = new byte[n];
        _id = new string?[n];
        for (var i = 0; i < n; i++)
        {
            _parent[i] = i;
            _id[i] = features[i].Arxiv?.BaseId;
        }
    }

    public void CannotLink(IReadOnlyList<int> a, IReadOnlyList<int> b) => _cannotLink.Add(([.. a], [.. b]));

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    public UnionOutcome Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb) return UnionOutcome.AlreadyTogether;
        if (_id[ra] is { } ia && _id[rb] is { } ib && !string.Equals(ia, ib, StringComparison.Ordinal)) return UnionOutcome.IdConflict;
        foreach (var (x, y) in _cannotLink)
        {
            // Few decisions exist; checking them all on each union is cheap.
            if ((Holds(x, ra) && Holds(y, rb)) || (Holds(x, rb) && Holds(y, ra))) return UnionOutcome.Forbidden;
        }
        if (_rank[ra] < _rank[rb]) (ra, rb) = (rb, ra);
        _parent[rb] = ra;
        if (_rank[ra] == _rank[rb]) _rank[ra]++;
        _id[ra] ??= _id[rb];
        return UnionOutcome.Joined;
    }

    private bool Holds(int[] records, int root)
    {
        foreach (var r in records)
            if (Find(r) == root) return true;
        return false;
    }

    /// <summary>Clusters as record indexes in ascending order, clusters ordered by their first record.</summary>
    public List<int[]> Clusters()
    {
        var n = _parent.Length;
        var size = new int[n];
        for (var i = 0; i < n; i++) size[Find(i)]++;
        var result = new List<int[]>();
        var slot = new int[n];
        var fill = new int[n];
        Array.Fill(slot, -1);
        for (var i = 0; i < n; i++)
        {
            var r = Find(i);
            if (slot[r] < 0)
            {
                slot[r] = result.Count;
                result.Add(new int[size[r]]);
            }
            result[slot[r]][fill[r]++] = i;
        }
        return result;
    }
}

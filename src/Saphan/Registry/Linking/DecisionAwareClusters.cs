namespace Saphan.Registry.Linking;

/// <summary>
/// Groups agency records into people from the engine's automatic links and the data stewards' decisions:
/// "same person" decisions are joined first, then automatic links strongest first; a join that would put two records
/// decided "not the same person" into one person is refused, however strong the link.
/// </summary>
internal sealed class DecisionAwareClusters
{
    private readonly int[] parent;
    private readonly Dictionary<int, HashSet<int>> apart = new();

    public DecisionAwareClusters(int count)
    {
        parent = new int[count];
        for (var i = 0; i < count; i++) parent[i] = i;
    }

    /// <summary>Records a "not the same person" decision between two records.</summary>
    public void KeepApart(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra == rb) throw new InvalidOperationException("Records already joined cannot be kept apart; decide apart before joining.");
        Partners(ra).Add(rb);
        Partners(rb).Add(ra);
    }

    /// <summary>Joins the two records' groups unless a decision keeps them apart; returns whether they are together now.</summary>
    public bool TryJoin(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra == rb) return true;
        if (apart.TryGetValue(ra, out var p) && p.Contains(rb)) return false;
        // Union by index keeps the result independent of the order of equal-weight links.
        var (keep, gone) = ra < rb ? (ra, rb) : (rb, ra);
        parent[gone] = keep;
        if (apart.Remove(gone, out var moved))
        {
            foreach (var other in moved)
            {
                var set = apart[other];
                set.Remove(gone);
                set.Add(keep);
                Partners(keep).Add(other);
            }
        }
        return true;
    }

    public int Find(int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private HashSet<int> Partners(int root)
    {
        if (!apart.TryGetValue(root, out var set)) apart[root] = set = [];
        return set;
    }
}

using Saphan.Linkage.Model;

namespace Saphan.Linkage.Blocking;

/// <summary>A compared candidate pair: two record indexes (A &lt; B) and the packed comparison vector.</summary>
public readonly record struct CandidatePair(int A, int B, int Pattern)
{
    public ComparisonVector Vector => new(Pattern);
}

/// <summary>Enumerates every rule's blocks into compared, de-duplicated candidate pairs, in parallel over blocks.</summary>
public static class CandidatePairs
{
    /// <summary>Compares every candidate pair once. The result order depends on thread timing; callers sort when order matters.</summary>
    public static CandidatePair[] Generate(RecordTable table, BlockingPlan plan, int maxDegreeOfParallelism, Action<int, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(plan);
        var chunks = new List<CandidatePair[]>();
        var sync = new object();
        var features = table;
        for (var r = 0; r < plan.Rules.Count; r++)
        {
            var rule = r;
            var blocks = plan.Blocks(rule).ToArray();
            var order = plan.Order(rule).ToArray();
            long newPairs = 0;
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism) };
            // Partition the blocks into ranges so each worker keeps one growable buffer.
            var rangeSize = Math.Max(64, blocks.Length / (options.MaxDegreeOfParallelism * 16) + 1);
            var ranges = (blocks.Length + rangeSize - 1) / rangeSize;
            Parallel.For(0, ranges, options, range =>
            {
                var buffer = new List<CandidatePair>(1024);
                var end = Math.Min(blocks.Length, (range + 1) * rangeSize);
                for (var bi = range * rangeSize; bi < end; bi++)
                {
                    var (start, length) = blocks[bi];
                    for (var i = start; i < start + length - 1; i++)
                    {
                        var x = order[i];
                        for (var j = i + 1; j < start + length; j++)
                        {
                            var y = order[j];
                            var a = Math.Min(x, y);
                            var b = Math.Max(x, y);
                            if (plan.FoundByEarlierRule(rule, a, b)) continue;
                            var v = Comparer.Compare(in features[a], in features[b]);
                            buffer.Add(new CandidatePair(a, b, v.Packed));
                        }
                    }
                }
                if (buffer.Count == 0) return;
                var arr = buffer.ToArray();
                lock (sync)
                {
                    chunks.Add(arr);
                    newPairs += arr.Length;
                }
            });
            ((BlockingRuleEstimate)plan.Estimates[rule]).NewPairs = newPairs;
            progress?.Invoke(rule, newPairs);
        }
        var total = 0L;
        foreach (var c in chunks) total += c.Length;
        var all = new CandidatePair[total];
        var offset = 0;
        foreach (var c in chunks)
        {
            c.CopyTo(all, offset);
            offset += c.Length;
        }
        return all;
    }
}

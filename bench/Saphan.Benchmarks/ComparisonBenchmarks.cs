using BenchmarkDotNet.Attributes;
using Saphan.Linkage;
using Saphan.Linkage.Model;
using Saphan.Synthetic;

namespace Saphan.Benchmarks;

/// <summary>The pair loop's building blocks: Jaro–Winkler on Thai names, and a full record comparison.</summary>
[MemoryDiagnoser]
public class ComparisonBenchmarks
{
    private RecordTable table = null!;

    [GlobalSetup]
    public void Setup()
    {
        table = new RecordTable();
        foreach (var (s, id, r) in AgencyFiles.Records(2000, 3, 1)) table.Add(r.ToLinkRecord(AgencyFiles.SourceName(s), id));
    }

    [Benchmark]
    public double JaroWinklerThai() => JaroWinkler.Similarity("กัณทิมา", "กัณฑิมา") + JaroWinkler.Similarity("สำเร็จวาณิชย์", "สำเร็จวานิช");

    [Benchmark(OperationsPerInvoke = 1000)]
    public int CompareRecords()
    {
        var sum = 0;
        for (var i = 0; i < 1000; i++) sum += Comparer.Compare(table[i], table[i + 1]).Packed;
        return sum;
    }
}

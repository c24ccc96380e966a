using Saphan.Linkage.Evaluation;
using Saphan.Linkage.Io;

namespace Saphan.Linkage.Tests.Evaluation;

public sealed class PairwiseEvaluationTests
{
    [Fact]
    public void Compute_CountsPairsFromTheContingencyTable()
    {
        // Persons: {a,b,c} and {d,e}. Clusters: {a,b}, {c,d}, {e}.
        var truth = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "1", ["d"] = "2", ["e"] = "2" };
        var clusters = new[] { ("a", "x"), ("b", "x"), ("c", "y"), ("d", "y"), ("e", "z") };
        var r = PairwiseEvaluation.Compute(clusters, truth);
        Assert.Equal(4, r.TruePairs);       // ab ac bc de
        Assert.Equal(2, r.PredictedPairs);  // ab cd
        Assert.Equal(1, r.TruePositives);   // ab
        Assert.Equal(0.5, r.Precision);
        Assert.Equal(0.25, r.Recall);
        Assert.Equal(2 * 0.5 * 0.25 / 0.75, r.F1, 12);
    }

    [Fact]
    public void Compute_RecordsWithoutTruth_AreCountedApartNotScored()
    {
        var r = PairwiseEvaluation.Compute([("a", "x"), ("zz", "x")], new Dictionary<string, string> { ["a"] = "1" });
        Assert.Equal(1, r.RecordsWithoutTruth);
        Assert.Equal(0, r.PredictedPairs);
    }

    [Theory]
    [InlineData("rec-712-dup-0", "712")]
    [InlineData(" rec-2778-org", "2778")]
    [InlineData("something-else", null)]
    public void Febrl_PersonOf_ReadsTheRecordId(string id, string? person) => Assert.Equal(person, Febrl.PersonOf(id));

    [Fact]
    public void Febrl_Dataset1_LinksWithHighPrecision()
    {
        var path = Path.Combine(RepoRoot(), "data", "linkage", "febrl", "dataset1.csv");
        var outDir = TestData.TempDir();
        var summary = LinkRun.Execute(new LinkageMapping { Sources = [Febrl.Mapping("dataset1.csv")] }, [path], outDir, new LinkageOptions());
        Assert.Equal(1000, summary.Read);
        var links = PairwiseEvaluation.ReadLinks(Path.Combine(outDir, "links.csv")).ToList();
        var truth = Febrl.Truth(links.Select(l => l.Record.Split('\u001F')[1]));
        var r = PairwiseEvaluation.Compute(links, truth);
        Assert.Equal(500, r.TruePairs);
        Assert.True(r.Precision >= 0.99, r.ToString());
        Assert.True(r.Recall >= 0.9, r.ToString());
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Saphan.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

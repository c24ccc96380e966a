using System.Text;
using Saphan.Linkage.Evaluation;
using Saphan.Linkage.Io;
using Saphan.Linkage.Model;
using Saphan.Linkage.Tests.Normalisation;
using Saphan.Synthetic;

namespace Saphan.Linkage.Tests.Io;

/// <summary>
/// The <c>saphan link</c> run end to end on generated agency files (one of them TIS-620) plus a file of bad rows:
/// every input row is counted, the outputs are written, and accuracy holds.
/// </summary>
public sealed class LinkRunTests
{
    [Fact]
    public void Execute_GeneratedFilesAndABadFile_CountsEveryRowAndLinksAccurately()
    {
        var dir = TestData.TempDir();
        var generated = AgencyFiles.Write(dir, 2000, 3, seed: 3);
        Assert.Contains(generated.Files, f => File.ReadAllBytes(f).Any(b => b is >= 0xA1 and <= 0xFB) && !IsUtf8(f));
        var bad = Path.Combine(dir, "bad.csv");
        File.WriteAllText(bad,
            "rid,full,pid,birth\n" +
            "X1,นายสมชาย ใจดี,12345,2530-13-01\n" +
            "X2,นางมาลี ดีใจ,1101700203451,64/1/2530\n" +
            "X3,,,\n" +
            "X4,นางสาวชูใจ ใจงาม\n" +
            "X5,\"นายมานะ, รักเรียน\",1101700203451,1/1/2530\n", new UTF8Encoding(false));
        var mapping = LinkageMapping.Load(generated.MappingFile);
        mapping = mapping with
        {
            Sources = [.. mapping.Sources, new SourceMapping
            {
                Source = "bad", File = "bad.csv", RecordId = "rid",
                Columns = new ColumnMapping { FullName = "full", CitizenId = "pid", BirthDate = "birth" },
            }],
        };
        var outDir = Path.Combine(dir, "out");
        var files = generated.Files.Append(bad).ToList();
        var summary = LinkRun.Execute(mapping, files, outDir, new LinkageOptions());

        Assert.Equal(generated.Records + 5, summary.Read);
        Assert.Equal(summary.Read, summary.Accepted + summary.Rejected);
        Assert.Equal(2, summary.Rejected);
        var links = File.ReadAllLines(Path.Combine(outDir, "links.csv"));
        Assert.Equal("source,record_id,cluster_id", links[0]);
        Assert.Equal(summary.Accepted, links.Length - 1);
        var rejects = File.ReadAllLines(Path.Combine(outDir, "rejects.csv"));
        Assert.Contains(rejects, l => l.Contains("X3", StringComparison.Ordinal) && l.Contains("row_rejected", StringComparison.Ordinal));
        Assert.Contains(rejects, l => l.Contains("X4", StringComparison.Ordinal) && l.Contains("column count", StringComparison.Ordinal));
        Assert.Contains(rejects, l => l.Contains("X1", StringComparison.Ordinal) && l.Contains("field_ignored", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(outDir, "review.csv")));
        Assert.Contains("rows read", File.ReadAllText(Path.Combine(outDir, "summary.txt")), StringComparison.Ordinal);

        var evaluation = PairwiseEvaluation.Compute(PairwiseEvaluation.ReadLinks(Path.Combine(outDir, "links.csv")),
            PairwiseEvaluation.ReadTruth(generated.TruthFile));
        Assert.True(evaluation.Precision >= 0.99, evaluation.ToString());
        Assert.True(evaluation.Recall >= 0.98, evaluation.ToString());
    }

    [Fact]
    public void Execute_IsDeterministic_OutputFilesAreIdentical()
    {
        var dir = TestData.TempDir();
        var generated = AgencyFiles.Write(dir, 800, 3, seed: 5);
        var mapping = LinkageMapping.Load(generated.MappingFile);
        LinkRun.Execute(mapping, generated.Files, Path.Combine(dir, "a"), new LinkageOptions());
        LinkRun.Execute(mapping, generated.Files, Path.Combine(dir, "b"), new LinkageOptions());
        foreach (var name in new[] { "links.csv", "review.csv", "rejects.csv", "model.csv" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(dir, "a", name)), File.ReadAllText(Path.Combine(dir, "b", name)));
        }
    }

    [Fact]
    public void Execute_RecordsThatShareNoBlock_LinkNothingAndDoNotFail()
    {
        // Two people with nothing in common make no candidate pair; training used to fail on an empty range.
        var dir = TestData.TempDir();
        var file = Path.Combine(dir, "x.csv");
        File.WriteAllText(file, "id,name\n1,นายสมชาย ใจดี\n2,นางมาลี ดีใจ\n");
        var mapping = new LinkageMapping { Sources = [new SourceMapping { Source = "x", File = "x.csv", RecordId = "id", Columns = new ColumnMapping { FullName = "name" } }] };
        var summary = LinkRun.Execute(mapping, [file], Path.Combine(dir, "out"), new LinkageOptions());
        Assert.Equal((2L, 0, 0L), (summary.Accepted, summary.Links, summary.CandidatePairs));
    }

    [Fact]
    public void Execute_OutputsForPeople_NeverLetACellStartAFormula()
    {
        var dir = TestData.TempDir();
        var file = Path.Combine(dir, "x.csv");
        File.WriteAllText(file, "id,name,phone\n=1+1,นายสมชาย ใจดี,@SUM(A1)\n-2,นางมาลี ดีใจ,\n");
        var mapping = new LinkageMapping
        {
            Sources = [new SourceMapping { Source = "x", File = "x.csv", RecordId = "id", Columns = new ColumnMapping { FullName = "name", Phone = "phone" } }],
        };
        LinkRun.Execute(mapping, [file], Path.Combine(dir, "out"), new LinkageOptions());

        var rejects = File.ReadAllText(Path.Combine(dir, "out", "rejects.csv"));
        Assert.Contains(",'@SUM(A1)", rejects, StringComparison.Ordinal);
        var links = File.ReadAllLines(Path.Combine(dir, "out", "links.csv"));
        Assert.Contains(links, l => l.Contains(",'=1+1,", StringComparison.Ordinal));
        // A plain negative number is not a formula and stays as it is.
        Assert.Contains(links, l => l.Contains(",-2,", StringComparison.Ordinal));
        Assert.DoesNotContain(links.Concat(rejects.Split('\n')), l => l.StartsWith('=') || l.Contains(",=", StringComparison.Ordinal) || l.Contains(",@", StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_FileWithoutMapping_IsReportedAndOthersAreStillLinked()
    {
        var dir = TestData.TempDir();
        var generated = AgencyFiles.Write(dir, 200, 1, seed: 5);
        var stray = Path.Combine(dir, "stray.csv");
        File.WriteAllText(stray, "a,b\n1,2\n");
        var summary = LinkRun.Execute(LinkageMapping.Load(generated.MappingFile), [.. generated.Files, stray], Path.Combine(dir, "out"), new LinkageOptions());
        Assert.Equal(generated.Records, summary.Accepted);
        Assert.Contains(File.ReadAllLines(Path.Combine(dir, "out", "rejects.csv")), l => l.Contains("stray.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_WithGazetteer_LinksAPersonWhoseSubdistrictIsMisspelt_OnTheSameHouse()
    {
        var dir = TestData.TempDir();
        var generated = AgencyFiles.Write(dir, 600, 3, seed: 9);
        // The same person in two more agencies: no ID, the subdistrict spelt two ways, the same house. Without the gazetteer
        // the two spellings are two places; with it both are subdistrict 102401 and the house agreement counts.
        File.WriteAllText(Path.Combine(dir, "a.csv"), "id,given,family,dob,house,sub\n1,วราภรณ์,ศรีสมบูรณ์,1987-05-12,99/1,แขวงราษฎร์บูรณะ\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(dir, "b.csv"), "id,given,family,dob,house,sub\n1,วราภรณ์,ศรีสมบูรณ์,1987-05-12,99/1,ราษฏร์บูรณะ\n", new UTF8Encoding(false));
        SourceMapping Source(string name) => new()
        {
            Source = name, File = name + ".csv", DateConvention = "dmy-ce", RecordId = "id",
            Columns = new ColumnMapping { GivenName = "given", FamilyName = "family", BirthDate = "dob", HouseNumber = "house", Subdistrict = "sub" },
        };
        var generatedMapping = LinkageMapping.Load(generated.MappingFile);
        var mapping = generatedMapping with { Sources = [.. generatedMapping.Sources, Source("a"), Source("b")] };
        List<string> files = [.. generated.Files, Path.Combine(dir, "a.csv"), Path.Combine(dir, "b.csv")];

        var withCodes = LinkRun.Execute(mapping, files, Path.Combine(dir, "with"), new LinkageOptions(), ReferenceData.BangkokGazetteer);
        var asText = LinkRun.Execute(mapping, files, Path.Combine(dir, "without"), new LinkageOptions(), gazetteer: null);

        Assert.Contains("DOPA", withCodes.Places, StringComparison.Ordinal);
        Assert.Contains("as text", asText.Places, StringComparison.Ordinal);
        Assert.Contains("DOPA", File.ReadAllText(Path.Combine(dir, "with", "summary.txt")), StringComparison.Ordinal);
        var (a, b) = (Explain(withCodes), Explain(asText));
        Assert.Equal((int)ComparisonLevels.AddressSubdistrictHouse, AddressLevel(a));
        Assert.Equal((int)ComparisonLevels.AddressOther, AddressLevel(b));
        Assert.True(a.Weight > b.Weight, $"{a} vs {b}");
        var result = withCodes.Result!;
        Assert.Equal(result.Clusters.IdOf(Index(result, "a")), result.Clusters.IdOf(Index(result, "b")));

        static PairExplanation Explain(LinkRunSummary s) => s.Result!.Explain(Index(s.Result, "a"), Index(s.Result, "b"));
        static int AddressLevel(PairExplanation e) => e.Fields.Single(f => f.Field == LinkField.Address).Level;
        static int Index(LinkageResult r, string source) => Enumerable.Range(0, r.Table.Count).Single(i => r.Table.SourceOf(i) == source);
    }

    [Fact]
    public void Execute_MappingNamingAGazetteerFolder_UsesIt()
    {
        var dir = TestData.TempDir();
        var generated = AgencyFiles.Write(dir, 50, 1, seed: 8);
        var mapping = LinkageMapping.Load(generated.MappingFile) with { Gazetteer = Path.Combine(ReferenceData.RepoRoot(), "data", "geography") };
        var summary = LinkRun.Execute(mapping, generated.Files, Path.Combine(dir, "out"), new LinkageOptions());
        Assert.Contains("DOPA", summary.Places, StringComparison.Ordinal);
        Assert.Equal(generated.Records, summary.Accepted);
    }

    private static bool IsUtf8(string path) => System.Text.Unicode.Utf8.IsValid(File.ReadAllBytes(path));
}

extern alias cli;

using System.Globalization;
using System.Text.RegularExpressions;
using Saphan.Linkage.Io;
using cli::Saphan.Cli;
using cli::Saphan.Cli.Linkage;

namespace Saphan.Tests.Cli;

/// <summary>
/// <c>saphan generate</c>, <c>link</c> and <c>evaluate</c> called as the command line calls them (argument parsing, exit codes,
/// files written, counts), on a small generated population.
/// </summary>
public sealed partial class LinkVerbTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"saphan-link-cli-{Guid.NewGuid():N}");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = Verb.Dispatch([LinkVerb.Verb, GenerateVerb.Verb, EvaluateVerb.Verb], args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Generate(int people, int seed)
    {
        var folder = Path.Combine(dir, "gen");
        var (code, output, _) = Run("generate", "--people", people.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", folder);
        Assert.Equal(0, code);
        Assert.Contains($"{people:N0} people", output, StringComparison.Ordinal);
        return folder;
    }

    private static string[] AgencyFiles(string folder) =>
        [Path.Combine(folder, "bma_district.csv"), Path.Combine(folder, "msdhs_older.csv"), Path.Combine(folder, "msdhs_disability.csv")];

    private static string Geography()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Saphan.slnx"))) return Path.Combine(d.FullName, "data", "geography");
        }
        throw new InvalidOperationException("Saphan.slnx not found");
    }

    [Fact]
    public void Generate_then_link_then_evaluate_writes_every_file_counts_every_row_and_links_accurately()
    {
        var gen = Generate(800, 21);
        var files = AgencyFiles(gen);
        Assert.All(files.Append(Path.Combine(gen, "truth.csv")).Append(Path.Combine(gen, "mapping.json")), f => Assert.True(File.Exists(f), f));
        var records = File.ReadLines(Path.Combine(gen, "truth.csv")).Count() - 1;

        // A fourth file with two rows that cannot be linked and one linked without its impossible date.
        var bad = Path.Combine(gen, "bad.csv");
        File.WriteAllText(bad, "rid,full,birth\nX1,,1/1/2530\nX2,นายมานะ รักเรียน,31/13/2530\n,นางสาวชูใจ ใจงาม,\n");
        var mappingFile = Path.Combine(gen, "mapping.json");
        var mapping = LinkageMapping.Load(mappingFile);
        (mapping with
        {
            Sources = [.. mapping.Sources, new SourceMapping { Source = "bad", File = "bad.csv", RecordId = "rid", Columns = new ColumnMapping { FullName = "full", BirthDate = "birth" } }],
        }).Save(mappingFile);

        var outDir = Path.Combine(dir, "out");
        var (code, output, err) = Run(["link", "--mapping", mappingFile, "--out", outDir, "--no-progress", "--gazetteer-dir", Geography(), .. files, bad]);

        Assert.True(code == 0, err);
        var counts = RowCounts().Match(output);
        Assert.True(counts.Success, output);
        var (read, linked, rejected) = (Number(counts.Groups[1].Value), Number(counts.Groups[2].Value), Number(counts.Groups[3].Value));
        Assert.Equal(records + 3, read);
        Assert.Equal(read, linked + rejected);
        Assert.Equal(2, rejected);
        Assert.Contains("place names: matched to DOPA codes", output, StringComparison.Ordinal);
        foreach (var name in new[] { "links.csv", "review.csv", "rejects.csv", "model.csv", "summary.txt" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, name)), name);
        }
        var links = File.ReadAllLines(Path.Combine(outDir, "links.csv"));
        Assert.Equal("source,record_id,cluster_id", links[0]);
        Assert.Equal(linked, links.Length - 1);
        var rejects = File.ReadAllLines(Path.Combine(outDir, "rejects.csv")).Skip(1).ToList();
        Assert.Equal(Number(RejectLines().Match(output).Groups[1].Value), rejects.Count);
        Assert.Equal(2, rejects.Count(l => l.Contains(",row_rejected,", StringComparison.Ordinal)));
        Assert.Contains(rejects, l => l.StartsWith("bad.csv,3,X2,field_ignored,birthDate,", StringComparison.Ordinal));

        var (evalCode, evaluation, _) = Run("evaluate", "--truth", Path.Combine(gen, "truth.csv"), "--links", Path.Combine(outDir, "links.csv"));
        Assert.Equal(0, evalCode);
        var scores = Scores().Match(evaluation);
        Assert.True(scores.Success, evaluation);
        Assert.True(double.Parse(scores.Groups[1].Value, CultureInfo.InvariantCulture) >= 0.99, evaluation);
        Assert.True(double.Parse(scores.Groups[2].Value, CultureInfo.InvariantCulture) >= 0.98, evaluation);
    }

    [Fact]
    public void Link_finds_the_repository_gazetteer_by_default_and_can_be_told_to_use_none()
    {
        var gen = Generate(60, 5);
        var mapping = Path.Combine(gen, "mapping.json");

        var found = Run(["link", "--mapping", mapping, "--out", Path.Combine(dir, "a"), "--no-progress", .. AgencyFiles(gen)]);
        var none = Run(["link", "--mapping", mapping, "--out", Path.Combine(dir, "b"), "--no-progress", "--gazetteer-dir", "none", .. AgencyFiles(gen)]);

        Assert.Equal((0, 0), (found.Code, none.Code));
        Assert.Contains("matched to DOPA codes", found.Out, StringComparison.Ordinal);
        Assert.Contains("compared as text", none.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_without_mapping_exits_2_with_the_usage_text()
    {
        var gen = Generate(20, 3);
        var (code, output, err) = Run(["link", "--out", Path.Combine(dir, "out"), .. AgencyFiles(gen)]);
        Assert.Equal(2, code);
        Assert.Contains("missing --mapping", err, StringComparison.Ordinal);
        Assert.Contains("saphan link --mapping mapping.json --out outdir", err, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Theory]
    [InlineData("link", "--mapping", "m.json", "--out", "o")]                                   // no input files
    [InlineData("link", "--mapping", "m.json", "--out", "o", "--upper", "5", "--lower", "9", "x.csv")]
    [InlineData("link", "--mapping", "m.json", "--out", "o", "--max-block", "many", "x.csv")]
    [InlineData("link", "--mapping", "m.json", "x.csv")]                                         // no --out
    [InlineData("generate", "--people", "0", "--out", "o")]
    [InlineData("generate", "--people", "10", "--sources", "31", "--out", "o")]
    [InlineData("evaluate", "--truth", "febrl")]                                                 // no --links
    public void Bad_calls_exit_2_with_the_verbs_usage(params string[] args)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "x.csv"), "a\n1\n");
        File.WriteAllText(Path.Combine(dir, "m.json"), "{\"sources\":[]}");
        var inDir = args.Select(a => a is "x.csv" or "m.json" or "o" ? Path.Combine(dir, a) : a).ToArray();
        var (code, _, err) = Run(inDir);
        Assert.Equal(2, code);
        Assert.Contains($"saphan {args[0]} ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_input_file_mapping_or_gazetteer_files_exit_1_and_say_which()
    {
        var gen = Generate(20, 4);
        var mapping = Path.Combine(gen, "mapping.json");
        var outDir = Path.Combine(dir, "out");

        var noFile = Run("link", "--mapping", mapping, "--out", outDir, "--no-progress", Path.Combine(gen, "nowhere.csv"));
        var noMapping = Run(["link", "--mapping", Path.Combine(gen, "nowhere.json"), "--out", outDir, "--no-progress", .. AgencyFiles(gen)]);
        var noGazetteer = Run(["link", "--mapping", mapping, "--out", outDir, "--no-progress", "--gazetteer-dir", gen, .. AgencyFiles(gen)]);
        var noLinks = Run("evaluate", "--truth", Path.Combine(gen, "truth.csv"), "--links", Path.Combine(gen, "nowhere.csv"));

        Assert.Equal((1, 1, 1, 1), (noFile.Code, noMapping.Code, noGazetteer.Code, noLinks.Code));
        Assert.Contains("nowhere.csv", noFile.Err, StringComparison.Ordinal);
        Assert.Contains("nowhere.json", noMapping.Err, StringComparison.Ordinal);
        Assert.Contains("bangkok_subdistricts.csv", noGazetteer.Err, StringComparison.Ordinal);
        Assert.Contains("nowhere.csv", noLinks.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "links.csv")));
    }

    [Fact]
    public void Help_prints_the_usage_and_exits_0()
    {
        var (code, output, _) = Run("link", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--gazetteer-dir", output, StringComparison.Ordinal);
    }

    private static long Number(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"rows read ([\d,]+) = linked ([\d,]+) \+ rejected ([\d,]+)")]
    private static partial Regex RowCounts();

    [GeneratedRegex(@"rejects\.csv lines ([\d,]+)")]
    private static partial Regex RejectLines();

    [GeneratedRegex(@"precision ([\d.]+) recall ([\d.]+)")]
    private static partial Regex Scores();

    public void Dispose()
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}

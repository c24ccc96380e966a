using System.Globalization;
using Saphan.Linkage;
using Saphan.Linkage.Io;
using Saphan.Linkage.Normalisation;

namespace Saphan.Cli.Linkage;

/// <summary><c>saphan link --mapping mapping.json --out outdir file1.csv file2.csv …</c></summary>
public static class LinkVerb
{
    public static Verb Verb { get; } = new("link", "link agency CSV files into people (links, review pairs, rejects)", Usage, Run)
    {
        Flags = ["no-progress", "no-tf"],
    };

    private const string Usage = """
        saphan link --mapping mapping.json --out outdir [options] file1.csv [file2.csv …]

          --mapping FILE     which column is which field, encoding, date convention, per source (JSON)
          --out DIR          writes links.csv, review.csv, rejects.csv, model.csv, summary.txt
          --gazetteer-dir D  folder with bangkok_districts.csv and bangkok_subdistricts.csv, or "none" (place names
                             compared as text); default: the mapping's "gazetteer", else data/geography of the
                             repository (found by walking up to Saphan.slnx)
          --upper W          match weight for an automatic link (default 14)
          --lower W          match weight for human review (default 6)
          --seed N           seed of the u sampling (default 20240531)
          --max-block N      blocks larger than this are skipped and reported (default 2000)
          --no-tf            no term-frequency adjustment of common names
          --no-progress      no progress bar on stderr
        """;

    private static int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        var mappingPath = args.Required("mapping");
        var outDir = args.Required("out");
        if (args.Positional.Count == 0) throw new CliUsageException("no input files");
        var missing = args.Positional.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            stderr.WriteLine($"no such file: {string.Join(", ", missing)}");
            return 1;
        }
        LinkageMapping mapping;
        try
        {
            mapping = LinkageMapping.Load(mappingPath);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"cannot read the mapping file {mappingPath}: {e.Message}");
            return 1;
        }
        Gazetteer? gazetteer;
        try
        {
            gazetteer = GazetteerChoice.Load(args.Get("gazetteer-dir"), mapping, stderr);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or KeyNotFoundException)
        {
            stderr.WriteLine($"cannot read the gazetteer: {e.Message}");
            return 1;
        }
        var defaults = new LinkageOptions();
        var options = defaults with
        {
            UpperThreshold = args.Double("upper", defaults.UpperThreshold),
            LowerThreshold = args.Double("lower", defaults.LowerThreshold),
            Seed = args.Int("seed", defaults.Seed),
            MaxBlockSize = args.Int("max-block", defaults.MaxBlockSize),
            TermFrequencyAdjustment = !args.Has("no-tf"),
        };
        if (options.LowerThreshold > options.UpperThreshold) throw new CliUsageException("--lower must not be above --upper");
        var progress = new ConsoleProgress(stderr, !args.Has("no-progress"));
        LinkRunSummary summary;
        try
        {
            summary = LinkRun.Execute(mapping, args.Positional, outDir, options, gazetteer, progress.Report);
        }
        catch (InvalidDataException e)
        {
            progress.Done();
            stderr.WriteLine(e.Message);
            return 1;
        }
        progress.Done();
        stdout.Write(summary.Describe());
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rejects.csv lines {summary.Rejects:N0}; output in {Path.GetFullPath(outDir)}"));
        return summary.Read == summary.Accepted + summary.Rejected ? 0 : 3;
    }
}

using Saphan.Synthetic;

namespace Saphan.Cli.Linkage;

/// <summary><c>saphan generate --people N --sources 3 --seed S --out dir</c></summary>
public static class GenerateVerb
{
    public static Verb Verb { get; } = new("generate", "write a synthetic Thai population as agency CSV files with ground truth", Usage, Run);

    private const string Usage = """
        saphan generate --people N [--sources 3] [--seed 1] --out DIR

          writes one CSV per source (BMA district: UTF-8, CE; older persons: TIS-620, BE, full name in one cell;
          disability: UTF-8 BOM, Thai month names), truth.csv (source, record_id, person_id) and mapping.json.
          The noise model is described in src/Saphan.Synthetic/NOISE.md.
        """;

    private static int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        var people = args.Int("people", 0);
        if (people <= 0) throw new CliUsageException("--people must be a positive number");
        var sources = args.Int("sources", 3);
        if (sources is < 1 or > 30) throw new CliUsageException("--sources must be between 1 and 30");
        var seed = args.Int("seed", 1);
        var outDir = args.Required("out");
        var result = AgencyFiles.Write(outDir, people, sources, seed);
        stdout.WriteLine($"{result.People:N0} people, {result.Records:N0} records in {sources} sources");
        foreach (var f in result.Files) stdout.WriteLine($"  {f}");
        stdout.WriteLine($"  {result.TruthFile}\n  {result.MappingFile}");
        return 0;
    }
}

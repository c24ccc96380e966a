using Saphan.Linkage.Evaluation;

namespace Saphan.Cli.Linkage;

/// <summary><c>saphan evaluate --truth truth.csv --links links.csv</c>: pairwise precision, recall and F1.</summary>
public static class EvaluateVerb
{
    public static Verb Verb { get; } = new("evaluate", "pairwise precision, recall and F1 of links.csv against a ground truth", Usage, Run);

    private const string Usage = """
        saphan evaluate --truth truth.csv --links links.csv
        saphan evaluate --truth febrl --links links.csv

          truth.csv has columns source, record_id, person_id; "febrl" takes the person from FEBRL record ids (rec-N-…).
        """;

    private static int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        var truthArg = args.Required("truth");
        var linksPath = args.Required("links");
        if (!File.Exists(linksPath))
        {
            stderr.WriteLine($"no such file: {linksPath}");
            return 1;
        }
        var links = PairwiseEvaluation.ReadLinks(linksPath).ToList();
        Dictionary<string, string> truth;
        if (string.Equals(truthArg, "febrl", StringComparison.OrdinalIgnoreCase))
        {
            truth = Febrl.Truth(links.Select(l => l.Record.Split('\u001F')[1]));
        }
        else if (File.Exists(truthArg))
        {
            truth = PairwiseEvaluation.ReadTruth(truthArg);
        }
        else
        {
            stderr.WriteLine($"no such file: {truthArg}");
            return 1;
        }
        var result = PairwiseEvaluation.Compute(links, truth);
        stdout.WriteLine(result.ToString());
        return 0;
    }
}

namespace Saphan.Registry.Import;

/// <summary>A message for data stewards in Thai and English (the UI shows one, files and the CLI show both).</summary>
public sealed record ImportProblem(string Th, string En)
{
    public string Both => $"{Th} / {En}";

    public string In(bool thai) => thai ? Th : En;
}

/// <summary>
/// A problem with the file or the request as a whole (empty file, a mapped column missing, an unknown source), found
/// before anything is written.
/// </summary>
public sealed class ImportRefusedException(IReadOnlyList<ImportProblem> problems)
    : Exception(string.Join("; ", problems.Select(p => p.En)))
{
    public ImportRefusedException(ImportProblem problem) : this([problem]) { }

    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}

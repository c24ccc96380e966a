namespace Saphan.Synthetic;

/// <summary>
/// The Thai given-name and family-name lists (PyThaiNLP / Thai names corpus, CC BY-SA 4.0; see data/thai-names/PROVENANCE.md),
/// embedded in this assembly. Loaded once.
/// </summary>
public static class ThaiNameLists
{
    private static readonly Lazy<string[]> female = new(() => Load("person_names_female_th.txt"));
    private static readonly Lazy<string[]> male = new(() => Load("person_names_male_th.txt"));

    // Royal-lineage surnames ("ณ อยุธยา") are rare in the population; leave them out of generated people.
    private static readonly Lazy<string[]> family = new(() => Load("family_names_th.txt").Where(n => !n.Contains(' ')).ToArray());

    public static IReadOnlyList<string> FemaleGivenNames => female.Value;
    public static IReadOnlyList<string> MaleGivenNames => male.Value;
    public static IReadOnlyList<string> FamilyNames => family.Value;

    private static string[] Load(string file)
    {
        var assembly = typeof(ThaiNameLists).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(file, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            // One entry of the male list carries a period ("ป.เสฎฐวุฒิ"); names with punctuation are not given names.
            if (trimmed.Length > 0 && !trimmed.Contains('.')) names.Add(trimmed);
        }
        return names.ToArray();
    }
}

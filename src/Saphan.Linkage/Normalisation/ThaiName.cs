namespace Saphan.Linkage.Normalisation;

/// <summary>
/// A person's name split into title, given name and family name, each normalised by <see cref="ThaiText.Normalise"/>;
/// Latin-script names are upper-cased so that "Smith" and "SMITH" are one name.
/// </summary>
public sealed record PersonName(string? Title, string? GivenName, string? FamilyName)
{
    /// <summary>The sex the title implies (นาย, ด.ช. male; นาง, นางสาว, ด.ญ., ranks with หญิง female), otherwise Unknown.</summary>
    public Sex SexHint { get; init; }

    /// <summary>A title column was given but is no known title (kept as written): saves the normaliser parsing it twice.</summary>
    internal bool HasUnknownTitle { get; init; }

    public static PersonName Empty { get; } = new(null, null, null);
}

/// <summary>Splits Thai and Latin-script person names as they come in agency files.</summary>
public static class ThaiName
{
    private const string NavySuffix = "ร.น.";

    /// <summary>
    /// A full name in one cell: "นายสมชาย ใจดี", "น.ส. สมหญิง ณ อยุธยา", "พ.ต.อ.หญิง ดร.มาลี ศรีสุข", "MR. JOHN SMITH", "SMITH, JOHN".
    /// Thai: the first word is the given name and the rest the family name, so "ณ อยุธยา" stays whole.
    /// Latin: the last word is the family name (with a preceding NA particle), the rest the given names;
    /// with a comma the family name comes first. A nickname in brackets is dropped; the navy's "ร.น." after the name too.
    /// </summary>
    public static PersonName Parse(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var text = Clean(fullName);
        var start = TitleCatalogue.MatchTitles(text, 0, out var title);
        var (given, family) = SplitName(text.AsSpan(start));
        return Build(title?.Canonical, title?.Sex ?? Sex.Unknown, given, family);
    }

    /// <summary>
    /// Names from separate columns. A title may still be glued to the given name ("นายสมชาย") and is taken off;
    /// when the family column is empty and the given column holds two words, it is split as a full name.
    /// An unrecognised title is kept as written (normalised), with no sex hint.
    /// </summary>
    public static PersonName Parse(string? title, string? given, string? family)
    {
        string? titleText = null;
        var sex = Sex.Unknown;
        var unknownTitle = false;
        if (!string.IsNullOrWhiteSpace(title))
        {
            if (ThaiTitle.TryParse(title, out var known))
            {
                titleText = known.Canonical;
                sex = known.Sex;
            }
            else
            {
                unknownTitle = true;
                titleText = ThaiText.Normalise(title).Trim('.', ' ', ',');
                if (titleText.Length == 0) titleText = null;
            }
        }

        string? givenText = null;
        string? familyText = null;
        if (!string.IsNullOrWhiteSpace(given))
        {
            var text = Clean(given);
            var start = TitleCatalogue.MatchTitles(text, 0, out var glued);
            if (glued is not null)
            {
                // The title column wins when both are given; the glued one fills a gap.
                if (titleText is null) titleText = glued.Canonical;
                if (sex == Sex.Unknown) sex = glued.Sex;
            }
            var rest = text.AsSpan(start);
            if (string.IsNullOrWhiteSpace(family) && rest.Contains(' '))
            {
                (givenText, familyText) = SplitName(rest);
            }
            else
            {
                givenText = rest.Trim().ToString();
            }
        }
        if (!string.IsNullOrWhiteSpace(family))
        {
            familyText = DropNavySuffix(Clean(family));
        }
        return Build(titleText, sex, givenText, familyText, unknownTitle);
    }

    private static PersonName Build(string? title, Sex sex, string? given, string? family, bool unknownTitle = false) =>
        new(title, Fold(given), Fold(family)) { SexHint = sex, HasUnknownTitle = unknownTitle };

    private static string? Fold(string? name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        name = name.Trim(' ', ',');
        if (name.Length == 0) return null;
        foreach (var c in name)
        {
            if (c is >= 'a' and <= 'z') return name.ToUpperInvariant();
        }
        return name;
    }

    /// <summary>Normalises and drops bracketed nicknames: "สมชาย (ชาย) ใจดี" → "สมชาย ใจดี".</summary>
    private static string Clean(string raw)
    {
        var text = ThaiText.Normalise(raw);
        if (text.IndexOfAny(['(', '[']) < 0) return text;
        var chars = new System.Text.StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
            else if (depth == 0) chars.Append(c);
        }
        return ThaiText.Normalise(chars.ToString());
    }

    private static (string? Given, string? Family) SplitName(ReadOnlySpan<char> rest)
    {
        var text = DropNavySuffix(rest.Trim().ToString());
        if (text.Length == 0) return (null, null);

        var comma = text.IndexOf(',');
        if (comma >= 0)
        {
            var before = text[..comma].Trim();
            var after = text[(comma + 1)..].Trim();
            return (after.Length == 0 ? null : after, before.Length == 0 ? null : before);
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1) return (words[0], null);
        if (IsLatin(words[0]))
        {
            // Romanised Thai surnames keep their particle: SOMCHAI NA AYUTTHAYA.
            var familyStart = words.Length - 1;
            if (words.Length >= 3 && string.Equals(words[^2], "NA", StringComparison.OrdinalIgnoreCase)) familyStart--;
            return (string.Join(' ', words[..familyStart]), string.Join(' ', words[familyStart..]));
        }
        return (words[0], string.Join(' ', words[1..]));
    }

    private static string DropNavySuffix(string text)
    {
        var t = text.TrimEnd();
        if (t.EndsWith(NavySuffix, StringComparison.Ordinal) && t.Length > NavySuffix.Length) return t[..^NavySuffix.Length].TrimEnd();
        return t;
    }

    private static bool IsLatin(string word)
    {
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') return true;
            if (ThaiText.IsThai(c)) return false;
        }
        return false;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace Saphan.Linkage.Normalisation;

/// <summary>What a title says about a person: civil, child, academic or professional, military, police, monastic, lineage, English.</summary>
public enum TitleKind
{
    Civil,
    Child,
    Academic,
    Professional,
    Military,
    Police,
    Monastic,
    Lineage,
    English,
}

/// <summary>
/// A recognised title (คำนำหน้านาม) in its canonical form, with the sex it implies when it implies one.
/// Canonical forms: the full word for common civil titles (นาย, นาง, นางสาว, เด็กชาย, เด็กหญิง, คุณ),
/// the dotted abbreviation for ranks and academic titles (พ.ต.อ., ร.ต., ผศ., ดร.), the word for monastic titles
/// (พระ, พระครู, พระมหา, สามเณร, แม่ชี), and Mr, Mrs, Miss, Ms, Master, Dr for English ones.
/// </summary>
public sealed record ThaiTitle(string Canonical, Sex Sex, TitleKind Kind)
{
    /// <summary>
    /// Reads a title written alone (a title column): "น.ส.", "นส", "นางสาว", "พันตำรวจเอก", "ว่าที่ ร.ต.", "MRS".
    /// Several titles in a row ("ผศ.ดร.") are joined with a space in <see cref="Canonical"/>.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ThaiTitle? title)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = ThaiText.Normalise(text);
        var end = TitleCatalogue.MatchTitles(normal, 0, out var found);
        if (found is null || normal.AsSpan(end).Trim().Length != 0)
        {
            title = null;
            return false;
        }
        title = found;
        return true;
    }

    public override string ToString() => Canonical;
}

/// <summary>The title table and the matcher used by <see cref="ThaiName"/> and <see cref="ThaiTitle"/>.</summary>
internal static class TitleCatalogue
{
    private sealed record Variant(string Text, ThaiTitle Title, bool MayBeGlued);

    private const string Acting = "ว่าที่";
    private const string FemaleSuffix = "หญิง";

    // Longest first, so that นางสาว wins over นาง and ส.ต.อ. over ส.ต.; indexed by first letter (ASCII upper-cased)
    // because names are parsed once per record, millions of times.
    private static readonly Variant[] Variants = Build();
    private static readonly Dictionary<char, Variant[]> ByFirstChar = Variants
        .GroupBy(v => FoldAscii(v.Text[0]))
        .ToDictionary(g => g.Key, g => g.ToArray());

    private static Variant[] Build()
    {
        var list = new List<Variant>();

        void Add(string canonical, Sex sex, TitleKind kind, bool mayBeGlued, params string[] forms)
        {
            var title = new ThaiTitle(canonical, sex, kind);
            foreach (var form in forms.Prepend(canonical).Distinct(StringComparer.Ordinal))
            {
                var glued = mayBeGlued || form.EndsWith('.');
                list.Add(new Variant(form, title, glued));
                // Dotted abbreviations are often typed without dots (นส, ดช, พตอ). Without dots they must stand
                // apart from the name, and one-letter ones (ศ.) are never read without their dot.
                if (form.Contains('.'))
                {
                    var bare = form.Replace(".", "", StringComparison.Ordinal);
                    if (bare.Length >= 2) list.Add(new Variant(bare, title, false));
                }
            }
        }

        void Ranks(TitleKind kind, params (string Abbreviation, string Full)[] ranks)
        {
            foreach (var (abbreviation, full) in ranks) Add(abbreviation, Sex.Unknown, kind, true, full);
        }

        Add("นาย", Sex.Male, TitleKind.Civil, true);
        Add("นาง", Sex.Female, TitleKind.Civil, true);
        Add("นางสาว", Sex.Female, TitleKind.Civil, true, "น.ส.", "นส.", "น. ส.");
        Add("เด็กชาย", Sex.Male, TitleKind.Child, true, "ด.ช.", "ดช.");
        Add("เด็กหญิง", Sex.Female, TitleKind.Child, true, "ด.ญ.", "ดญ.");
        Add("คุณ", Sex.Unknown, TitleKind.Civil, false);
        Add("คุณหญิง", Sex.Female, TitleKind.Lineage, false);
        Add("ท่านผู้หญิง", Sex.Female, TitleKind.Lineage, true);
        Add("ม.ร.ว.", Sex.Unknown, TitleKind.Lineage, true, "หม่อมราชวงศ์");
        Add("ม.ล.", Sex.Unknown, TitleKind.Lineage, true, "หม่อมหลวง");
        Add("ม.จ.", Sex.Unknown, TitleKind.Lineage, true, "หม่อมเจ้า");

        Add("ดร.", Sex.Unknown, TitleKind.Academic, true, "ด็อกเตอร์");
        Add("ศ.", Sex.Unknown, TitleKind.Academic, true, "ศาสตราจารย์");
        Add("รศ.", Sex.Unknown, TitleKind.Academic, true, "รองศาสตราจารย์");
        Add("ผศ.", Sex.Unknown, TitleKind.Academic, true, "ผู้ช่วยศาสตราจารย์");
        Add("นพ.", Sex.Male, TitleKind.Professional, true, "นายแพทย์");
        Add("พญ.", Sex.Female, TitleKind.Professional, true, "แพทย์หญิง");
        Add("ทพ.", Sex.Male, TitleKind.Professional, true, "ทันตแพทย์");
        Add("ทพญ.", Sex.Female, TitleKind.Professional, true, "ทันตแพทย์หญิง");
        Add("ภก.", Sex.Male, TitleKind.Professional, true, "เภสัชกร");
        Add("ภญ.", Sex.Female, TitleKind.Professional, true, "เภสัชกรหญิง");

        Ranks(TitleKind.Military,
            ("พล.อ.", "พลเอก"), ("พล.ท.", "พลโท"), ("พล.ต.", "พลตรี"),
            ("พ.อ.", "พันเอก"), ("พ.ท.", "พันโท"), ("พ.ต.", "พันตรี"),
            ("ร.อ.", "ร้อยเอก"), ("ร.ท.", "ร้อยโท"), ("ร.ต.", "ร้อยตรี"),
            ("จ.ส.อ.", "จ่าสิบเอก"), ("จ.ส.ท.", "จ่าสิบโท"), ("จ.ส.ต.", "จ่าสิบตรี"),
            ("ส.อ.", "สิบเอก"), ("ส.ท.", "สิบโท"), ("ส.ต.", "สิบตรี"), ("พลฯ", "พลทหาร"),
            // Navy
            ("พล.ร.อ.", "พลเรือเอก"), ("พล.ร.ท.", "พลเรือโท"), ("พล.ร.ต.", "พลเรือตรี"),
            ("น.อ.", "นาวาเอก"), ("น.ท.", "นาวาโท"), ("น.ต.", "นาวาตรี"),
            ("ร.อ.", "เรือเอก"), ("ร.ท.", "เรือโท"), ("ร.ต.", "เรือตรี"),
            ("พ.จ.อ.", "พันจ่าเอก"), ("พ.จ.ท.", "พันจ่าโท"), ("พ.จ.ต.", "พันจ่าตรี"),
            ("จ.อ.", "จ่าเอก"), ("จ.ท.", "จ่าโท"), ("จ.ต.", "จ่าตรี"),
            // Air force
            ("พล.อ.อ.", "พลอากาศเอก"), ("พล.อ.ท.", "พลอากาศโท"), ("พล.อ.ต.", "พลอากาศตรี"),
            ("น.อ.", "นาวาอากาศเอก"), ("น.ท.", "นาวาอากาศโท"), ("น.ต.", "นาวาอากาศตรี"),
            ("ร.อ.", "เรืออากาศเอก"), ("ร.ท.", "เรืออากาศโท"), ("ร.ต.", "เรืออากาศตรี"),
            ("พ.อ.อ.", "พันจ่าอากาศเอก"), ("พ.อ.ท.", "พันจ่าอากาศโท"), ("พ.อ.ต.", "พันจ่าอากาศตรี"),
            ("จ.อ.", "จ่าอากาศเอก"), ("จ.ท.", "จ่าอากาศโท"), ("จ.ต.", "จ่าอากาศตรี"));

        Ranks(TitleKind.Police,
            ("พล.ต.อ.", "พลตำรวจเอก"), ("พล.ต.ท.", "พลตำรวจโท"), ("พล.ต.ต.", "พลตำรวจตรี"),
            ("พ.ต.อ.", "พันตำรวจเอก"), ("พ.ต.ท.", "พันตำรวจโท"), ("พ.ต.ต.", "พันตำรวจตรี"),
            ("ร.ต.อ.", "ร้อยตำรวจเอก"), ("ร.ต.ท.", "ร้อยตำรวจโท"), ("ร.ต.ต.", "ร้อยตำรวจตรี"),
            ("ด.ต.", "ดาบตำรวจ"), ("จ.ส.ต.", "จ่าสิบตำรวจ"),
            ("ส.ต.อ.", "สิบตำรวจเอก"), ("ส.ต.ท.", "สิบตำรวจโท"), ("ส.ต.ต.", "สิบตำรวจตรี"),
            ("พลฯ", "พลตำรวจ"));

        Add("พระ", Sex.Male, TitleKind.Monastic, false, "พระภิกษุ");
        Add("พระครู", Sex.Male, TitleKind.Monastic, true);
        Add("พระมหา", Sex.Male, TitleKind.Monastic, true);
        Add("พระอธิการ", Sex.Male, TitleKind.Monastic, true);
        Add("สามเณร", Sex.Male, TitleKind.Monastic, true, "ส.ณ.", "ณร.");
        Add("แม่ชี", Sex.Female, TitleKind.Monastic, true);

        Add("Mr", Sex.Male, TitleKind.English, false, "Mr.", "Mister");
        Add("Mrs", Sex.Female, TitleKind.English, false, "Mrs.");
        Add("Miss", Sex.Female, TitleKind.English, false);
        Add("Ms", Sex.Female, TitleKind.English, false, "Ms.");
        Add("Master", Sex.Male, TitleKind.English, false, "Mstr.");
        Add("Dr", Sex.Unknown, TitleKind.English, false, "Dr.");

        // A rank abbreviation shared by several services (ร.ต. for army, navy and air force) keeps one entry per form:
        // the first wins, which is harmless because they share the canonical form.
        return list
            .GroupBy(v => v.Text, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .OrderByDescending(v => v.Text.Length)
            .ToArray();
    }

    /// <summary>
    /// Matches as many titles as follow each other from <paramref name="start"/> ("ผศ.ดร.", "ว่าที่ ร.ต.หญิง").
    /// Returns where the name begins (spaces skipped) and the combined title, or null when none matched.
    /// </summary>
    public static int MatchTitles(string text, int start, out ThaiTitle? title)
    {
        title = null;
        var pos = SkipSpaces(text, start);
        List<ThaiTitle>? parts = null;
        var female = false;
        while (pos < text.Length)
        {
            var acting = false;
            var at = pos;
            if (text.AsSpan(pos).StartsWith(Acting, StringComparison.Ordinal))
            {
                acting = true;
                at = SkipSpaces(text, pos + Acting.Length);
            }
            var match = MatchOne(text, at, out var end);
            if (match is null || (acting && match.Kind is not (TitleKind.Military or TitleKind.Police))) break;
            if (acting) match = match with { Canonical = Acting + " " + match.Canonical };
            pos = SkipSpaces(text, end);
            // ร.ต.อ.หญิง: women in the forces and police add หญิง to the rank.
            if (match.Kind is TitleKind.Military or TitleKind.Police or TitleKind.Academic
                && text.AsSpan(pos).StartsWith(FemaleSuffix, StringComparison.Ordinal))
            {
                match = match with { Canonical = match.Canonical + FemaleSuffix, Sex = Sex.Female };
                female = true;
                pos = SkipSpaces(text, pos + FemaleSuffix.Length);
            }
            (parts ??= []).Add(match);
        }
        if (parts is null) return SkipSpaces(text, start);

        var sex = female ? Sex.Female : parts.Select(p => p.Sex).FirstOrDefault(s => s != Sex.Unknown);
        title = parts.Count == 1
            ? parts[0] with { Sex = sex }
            : new ThaiTitle(string.Join(' ', parts.Select(p => p.Canonical)), sex, parts[^1].Kind);
        return pos;
    }

    private static ThaiTitle? MatchOne(string text, int pos, out int end)
    {
        end = pos;
        if (pos >= text.Length || !ByFirstChar.TryGetValue(FoldAscii(text[pos]), out var candidates)) return null;
        foreach (var variant in candidates)
        {
            if (!TryMatchAt(text, pos, variant.Text, out end)) continue;
            if (end < text.Length && !variant.MayBeGlued && !IsBoundary(text[end])) continue;
            // A glued title must leave a name behind it that starts like a name, not with a combining mark
            // (นางิน is not นาง + ิน).
            if (end < text.Length && ThaiText.IsThaiCombining(text[end])) continue;
            if (end < text.Length && IsAsciiLetter(text[end]) && IsAsciiLetter(text[end - 1])) continue;
            return variant.Title;
        }
        end = pos;
        return null;
    }

    /// <summary>Literal match, ASCII letters case-insensitive, with any spaces in the text allowed after a dot.</summary>
    private static bool TryMatchAt(string text, int pos, string variant, out int end)
    {
        var i = pos;
        foreach (var v in variant)
        {
            if (v == ' ')
            {
                i = SkipSpaces(text, i);
                continue;
            }
            if (i >= text.Length || !SameChar(text[i], v))
            {
                end = pos;
                return false;
            }
            i++;
            if (v == '.') i = SkipSpaces(text, i);
        }
        end = i;
        return true;
    }

    private static char FoldAscii(char c) => c is >= 'a' and <= 'z' ? (char)(c - 32) : c;

    private static bool SameChar(char a, char b) =>
        a == b || (IsAsciiLetter(a) && IsAsciiLetter(b) && (a | 0x20) == (b | 0x20));

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private static bool IsBoundary(char c) => c is ' ' or '.' or ',';

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] == ' ') i++;
        return i;
    }
}

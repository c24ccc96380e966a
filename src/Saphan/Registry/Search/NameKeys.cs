using Saphan.Linkage.Normalisation;
using Saphan.Linkage.Phonetics;

namespace Saphan.Registry.Search;

/// <summary>
/// The search keys of one name: the loose comparison key (tone marks, silent letters and vowel variants folded,
/// Latin upper-cased), three Thai phonetic keys, and the key a Thai name shares with its romanisation
/// (<see cref="CrossScriptKey"/>). Null where a key does not apply (no Thai letters, no name), so that two Latin names
/// never "sound alike" through empty keys.
/// </summary>
public readonly record struct NameKeys(string? Key, string? Lk82, string? Udom83, string? MetaSound, string? CrossScript = null)
{
    /// <summary>The longest cross-script key stored (the consonant groups of a long name; longer keys are cut).</summary>
    public const int CrossScriptLength = 24;

    public const int KeyLength = 200;
    public const int SoundLength = 8;

    public static NameKeys None => default;

    public static NameKeys Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return None;
        var key = Clip(ThaiText.ComparisonKey(name));
        var crossScript = CrossScriptKey.Of(name);
        return new NameKeys(NullIfEmpty(key), NullIfEmpty(ThaiSoundex.Lk82(name)), NullIfEmpty(ThaiSoundex.Udom83(name)), NullIfEmpty(ThaiSoundex.MetaSound(name)),
            NullIfEmpty(crossScript.Length <= CrossScriptLength ? crossScript : crossScript[..CrossScriptLength]));
    }

    /// <summary>True when the name is written in Latin letters only: it is then compared with Thai names by <see cref="CrossScript"/>.</summary>
    public bool IsRomanised => Key is not null && Lk82 is null && CrossScript is not null;

    /// <summary>A romanised query and a Thai name (or the other way round) that share the cross-script key.</summary>
    public bool SoundsAcrossScripts(NameKeys other) =>
        CrossScript is not null && CrossScript == other.CrossScript && IsRomanised != other.IsRomanised;

    /// <summary>How many of the three phonetic keys agree (0–3).</summary>
    public int SoundsAgree(NameKeys other) =>
        Same(Lk82, other.Lk82) + Same(Udom83, other.Udom83) + Same(MetaSound, other.MetaSound);

    /// <summary>
    /// Nickname and aliases as one column: the comparison key of every word, each between spaces (" ดำ ลุงดำ "),
    /// so that a word or the start of a word is found with LIKE '% key%'.
    /// </summary>
    public static string? OtherNamesKey(string? nickname, string? aliases)
    {
        var words = new List<string>();
        foreach (var text in new[] { nickname, aliases })
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            foreach (var word in text.Split([' ', ';', ',', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            {
                var key = ThaiText.ComparisonKey(word);
                if (key.Length > 0 && !words.Contains(key)) words.Add(key);
            }
        }
        if (words.Count == 0) return null;
        var joined = " " + string.Join(' ', words) + " ";
        return joined.Length <= KeyLength ? joined : joined[..joined.LastIndexOf(' ', KeyLength - 1)] + " ";
    }

    private static int Same(string? a, string? b) => a is not null && a == b ? 1 : 0;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static string Clip(string s) => s.Length <= KeyLength ? s : s[..KeyLength];
}

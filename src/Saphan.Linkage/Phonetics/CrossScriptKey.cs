using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Phonetics;

/// <summary>
/// A sound key that a Thai name and its romanisation share, so that "Sompong Rungrueang" finds สมพงษ์ รุ่งเรือง and the
/// other way round: the consonants only, each reduced to one of eight sound groups; vowels (which romanisations write in
/// many ways: o/oe/ue, ai/ay), silent letters and the aspiration that RTGS writes as ph/th/kh are left out.
/// </summary>
/// <remarks>
/// Groups: K (ก ข ค ฆ; k, g, q, c before a/o/u), S (จ ฉ ช ซ ศ ษ ส; ch, j, s, z, x), T (ด ต ถ ท ธ ฎ ฏ ฐ ฑ ฒ; t, d),
/// P (บ ป ผ พ ภ ฝ ฟ; p, b, f, v), M, G (ง; ng), N (น ณ ญ ร ล ฬ ฤ ฦ; n, r, l — a final ร or ล is read as n: พร = "phon"),
/// and nothing for ห ฮ อ ย ว (a leading ห is silent, อ carries a vowel, ย and ว are mostly vowels; h, y, w likewise).
/// A letter silenced by ์ (การันต์) is dropped with it; a group repeated at once counts once (ยุทธ = "yut").
/// Vowels are gone, so the key is coarse: the search asks for both names to agree, and ranks these matches last but one.
/// </remarks>
public static class CrossScriptKey
{
    private const char Thanthakhat = '\u0E4C';

    /// <summary>The key of <paramref name="name"/> in Thai or Latin script; empty when it has no consonant of either.</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<char> key = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        var n = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            char group;
            if (c == SaraAm)
            {
                group = 'M'; // ำ is "am"
            }
            else if (ThaiText.IsThaiConsonant(c))
            {
                if (Silenced(name, i)) continue;
                group = ThaiGroup(name, ref i);
            }
            else if (char.IsAsciiLetter(c))
            {
                group = Latin(name, ref i);
            }
            else
            {
                continue;
            }
            if (group == '\0' || (n > 0 && key[n - 1] == group)) continue;
            key[n++] = group;
        }
        return new string(key[..n]);
    }

    private const char SaraAm = '\u0E33';

    /// <summary>เ แ โ ใ ไ: written before the consonant they follow in speech.</summary>
    private static bool IsLeadingVowel(char c) => c is >= '\u0E40' and <= '\u0E44';

    /// <summary>Vowel signs and marks written after or above/below a consonant (ะ ั า ิ … ็ ่ ้ ๊ ๋).</summary>
    private static bool IsFollowingMark(char c) => c is >= '\u0E30' and <= '\u0E3A' or >= '\u0E45' and <= '\u0E4E';

    private static char ThaiGroup(string s, ref int i)
    {
        var c = s[i];
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        // รร is a vowel (ธรรม = "tham"), or "an" at the end of a word (สรร = "san").
        if (c == 'ร' && next == 'ร')
        {
            i++;
            return i + 1 < s.Length && ThaiText.IsThaiConsonant(s[i + 1]) && !Silenced(s, i + 1) ? '\0' : 'N';
        }
        // ทร at the start of a syllable sounds s (ทราย = "sai").
        if (c == 'ท' && next == 'ร' && StartsSyllable(s, i))
        {
            i++;
            return 'S';
        }
        if (c == 'ร' && i > 0 && ThaiText.IsThaiConsonant(s[i - 1]))
        {
            // ร after จ ซ ศ ส is silent (ศรี = "si", จริง = "ching"), and so is ร after a consonant that closes a syllable (จักร, เพชร).
            // But -ากร, frequent in given names (ธนากร, ทิวากร), is read "-akon".
            if (s[i - 1] is 'จ' or 'ซ' or 'ศ' or 'ส' && IsFollowingMark(next)) return '\0';
            if (ClosesSyllable(s, i - 1) && !IsFollowingMark(next) && !(s[i - 1] is 'ก' && s[i - 2] == 'า')) return '\0';
        }
        var group = Thai(c);
        // As finals, the ch/s letters sound t (ราช = "rat", เวศ = "wet") and ญ sounds n; ญ starting a syllable sounds y.
        var final = ClosesSyllable(s, i) && !IsFollowingMark(next);
        if (group == 'S' && final) return 'T';
        if (c == 'ญ') return final && s[i - 1] != 'ห' ? 'N' : '\0';
        return group;
    }

    /// <summary>True when the consonant at <paramref name="i"/> starts a syllable: first letter, or after a leading vowel.</summary>
    private static bool StartsSyllable(string s, int i) => i == 0 || !ThaiText.IsThai(s[i - 1]) || IsLeadingVowel(s[i - 1]);

    /// <summary>
    /// True when the consonant at <paramref name="i"/> ends a syllable: it follows a vowel sign (ราช, นุช), or a consonant
    /// that a leading vowel governs (เวศ, เพชร).
    /// </summary>
    private static bool ClosesSyllable(string s, int i)
    {
        if (i == 0 || !ThaiText.IsThai(s[i - 1]) || IsLeadingVowel(s[i - 1])) return false;
        // A vowel sign closes the syllable before it; tone marks and ์ say nothing about that.
        if (s[i - 1] is >= '\u0E31' and <= '\u0E3A' or '\u0E47') return true;
        return ThaiText.IsThaiConsonant(s[i - 1]) && i >= 2 && IsLeadingVowel(s[i - 2]);
    }

    /// <summary>
    /// True when the consonant at <paramref name="i"/> is silent: followed (after vowel marks) by ์, or the ท/ต/ด of
    /// a silenced cluster after น (จันทร์ = "chan", มนตร์ = "mon").
    /// </summary>
    private static bool Silenced(string text, int i)
    {
        if (text[i] is 'ท' or 'ต' or 'ด' && i > 0 && text[i - 1] == 'น' && i + 2 < text.Length && ThaiText.IsThaiConsonant(text[i + 1]) && text[i + 2] == Thanthakhat)
            return true;
        return SilencedByMark(text, i);
    }

    private static bool SilencedByMark(string text, int i)
    {
        for (var j = i + 1; j < text.Length; j++)
        {
            var c = text[j];
            if (c == Thanthakhat) return true;
            // Vowel signs above/below and tone marks may sit between the letter and ์ (ทร์, ติ์).
            if (c is >= '\u0E31' and <= '\u0E3A' or >= '\u0E47' and <= '\u0E4E') continue;
            return false;
        }
        return false;
    }

    private static char Thai(char c) => c switch
    {
        'ก' or 'ข' or 'ฃ' or 'ค' or 'ฅ' or 'ฆ' => 'K',
        'จ' or 'ฉ' or 'ช' or 'ซ' or 'ฌ' or 'ศ' or 'ษ' or 'ส' => 'S',
        'ฎ' or 'ฏ' or 'ฐ' or 'ฑ' or 'ฒ' or 'ด' or 'ต' or 'ถ' or 'ท' or 'ธ' => 'T',
        'บ' or 'ป' or 'ผ' or 'ฝ' or 'พ' or 'ฟ' or 'ภ' => 'P',
        'ม' => 'M',
        'ง' => 'G',
        'ญ' or 'ณ' or 'น' or 'ร' or 'ล' or 'ฬ' or 'ฤ' or 'ฦ' => 'N',
        _ => '\0', // ห ฮ อ ย ว
    };

    private static char Latin(string text, ref int i)
    {
        var c = char.ToLowerInvariant(text[i]);
        var next = i + 1 < text.Length ? char.ToLowerInvariant(text[i + 1]) : '\0';
        switch (c)
        {
            case 'n' when next == 'g':
                i++;
                return 'G';
            case 't' when next == 'c' && i + 2 < text.Length && char.ToLowerInvariant(text[i + 2]) == 'h':
                // RTGS writes a ช that ends one syllable and starts the next as "tch" (ราชบพิธ = Ratchabophit): one sound here.
                i += 2;
                return 'T';
            case 'c' when next == 'h':
                i++;
                return 'S';
            case 'k' or 'g' or 'q':
                return 'K';
            case 'c':
                return next is 'e' or 'i' or 'y' ? 'S' : 'K';
            case 'j' or 's' or 'z' or 'x':
                return 'S';
            case 't' or 'd':
                return 'T';
            case 'p' or 'b' or 'f' or 'v':
                return 'P';
            case 'm':
                return 'M';
            case 'r' when i > 0 && char.ToLowerInvariant(text[i - 1]) == 's':
                return '\0'; // "Sri" writes the silent ร of ศรี
            case 'n' or 'r' or 'l':
                return 'N';
            default:
                return '\0'; // vowels, h, w, y
        }
    }
}

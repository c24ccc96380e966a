using System.Runtime.CompilerServices;
using Saphan.Linkage.Normalisation;
using Saphan.Linkage.Phonetics;

namespace Saphan.Linkage.Model;

/// <summary>
/// Up to four phonetic codes of one name, stored inline (no array per record). A code of 0 means "none".
/// Two names agree phonetically when any non-zero code is equal at the same position.
/// </summary>
[InlineArray(NameKeys.CodeCount)]
public struct NameCodes
{
    private int element0;
}

/// <summary>
/// Comparison-level text keys for names: the normalised name and its phonetic codes.
/// </summary>
/// <remarks>
/// Glue over the shared text and phonetic code: <see cref="Normalise"/> is <see cref="ThaiText.Normalise"/> with Latin
/// upper-cased, and the model's sound key starts from <see cref="ThaiText.ComparisonKey(string)"/> (tone marks, the letter
/// silenced by ์, ็, ใ/ไ, ๅ, ัม/ำ and punctuation already folded there) and only adds the consonant classes and vowel length
/// that the comparison key leaves to phonetic codes. Four codes per name: that sound key and its consonant skeleton, which are
/// defined for Thai and Latin alike and are not truncated (blocking uses them: short codes make large blocks), plus the
/// published LK82 and Udom83 of <see cref="ThaiSoundex"/> for Thai names.
/// </remarks>
public static class NameKeys
{
    public const int CodeCount = 4;

    /// <summary>
    /// <see cref="ThaiText.Normalise"/> (NFC, zero-width characters removed, Thai digits to ASCII, spaces collapsed, look-alike
    /// spellings folded) with Latin letters upper-cased as <see cref="ThaiName"/> writes them; null when nothing is left.
    /// </summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normal = ThaiText.Normalise(text);
        if (normal.Length == 0) return null;
        foreach (var c in normal)
        {
            // Only a name with lower-case Latin letters pays for a copy (and Thai letters skip the Unicode tables).
            if (c is >= 'a' and <= 'z' || c > '\u007F' && c < '\u0E00' && char.IsLower(c)) return normal.ToUpperInvariant();
        }
        return normal;
    }

    /// <summary>The phonetic codes of a normalised name, as hashed integers (0 = none).</summary>
    public static NameCodes Codes(string? normalised)
    {
        var codes = default(NameCodes);
        if (string.IsNullOrEmpty(normalised)) return codes;
        codes[0] = Hash(SoundKey(normalised));
        codes[1] = Hash(ConsonantSkeleton(normalised));
        if (!IsThai(normalised)) return codes;
        // The published Thai codes see different confusions (LK82 folds more vowels, Udom83 keeps more length):
        // a pair agreeing on any one of the four is a phonetic agreement.
        Span<char> key = stackalloc char[16];
        codes[2] = Hash(key[..ThaiSoundex.Lk82(normalised, key)]);
        codes[3] = Hash(key[..ThaiSoundex.Udom83(normalised, key)]);
        return codes;
    }

    /// <summary>True when any phonetic code agrees.</summary>
    public static bool AnyAgree(in NameCodes a, in NameCodes b)
    {
        for (var k = 0; k < CodeCount; k++)
        {
            if (a[k] != 0 && a[k] == b[k]) return true;
        }
        return false;
    }

    /// <summary>
    /// <see cref="ThaiText.ComparisonKey(string)"/> with similar-sounding consonants folded into one class (ศ/ษ/ส/ซ,
    /// ท/ธ/ฑ/ฒ/ถ/ฐ, ค/ข/ฆ, ล/ฬ, พ/ภ/ผ…) and vowel length dropped. สมชาย and สมชัย get the same key. Latin names: letters and
    /// digits with repeated letters collapsed.
    /// </summary>
    public static string SoundKey(string normalised) => FoldSounds(ThaiText.ComparisonKey(normalised));

    /// <summary>
    /// Only the consonant classes, repeated classes collapsed: a coarse key that survives vowel typos. It keeps the letters
    /// silenced by ์ (the sound key drops them): short skeletons agree by chance, and ทร์, จน์ would otherwise take two
    /// consonants off (รัสรินทร์ and รสริน, อภิโรจน์ and อัมพร would share one).
    /// </summary>
    public static string ConsonantSkeleton(string normalised)
    {
        var sound = FoldSounds(ThaiText.ComparisonKey(normalised, dropSilencedLetter: false));
        Span<char> buffer = sound.Length <= 256 ? stackalloc char[sound.Length] : new char[sound.Length];
        var n = 0;
        var latin = !IsThai(sound);
        for (var i = 0; i < sound.Length; i++)
        {
            var c = sound[i];
            var keep = latin ? (i == 0 || !"AEIOUYHW".Contains(c)) && char.IsLetter(c) : ThaiText.IsThaiConsonant(c);
            if (!keep) continue;
            if (n > 0 && buffer[n - 1] == c) continue;
            buffer[n++] = c;
        }
        return new string(buffer[..n]);
    }

    private static string FoldSounds(string key)
    {
        Span<char> buffer = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        var n = 0;
        foreach (var c in key)
        {
            var mapped = FoldVowel(FoldConsonant(c));
            if (mapped == '\0') continue;
            if (n > 0 && buffer[n - 1] == mapped && !ThaiText.IsThaiConsonant(mapped)) continue;
            buffer[n++] = mapped;
        }
        if (n > 0 && !IsThai(key)) return LatinCollapse(buffer[..n]);
        return new string(buffer[..n]);
    }

    /// <summary>A stable (not randomised per process) non-zero 32-bit FNV-1a hash.</summary>
    public static int Hash(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return 0;
        var h = 2166136261u;
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }
        return h == 0 ? 1 : (int)h;
    }

    /// <summary>The first letter's sound class, used by blocking rules (e.g. house number + given name initial).</summary>
    public static char Initial(string? normalised)
    {
        if (string.IsNullOrEmpty(normalised)) return '\0';
        foreach (var c in normalised)
        {
            var f = FoldConsonant(c);
            if (ThaiText.IsThaiConsonant(f) || char.IsLetterOrDigit(f) && f < 0x0E00) return f;
        }
        return '\0';
    }

    internal static bool IsThai(string s)
    {
        foreach (var c in s)
        {
            if (ThaiText.IsThai(c)) return true;
        }
        return false;
    }

    private static char FoldConsonant(char c) => c switch
    {
        'ข' or 'ฃ' or 'ฅ' or 'ฆ' => 'ค',
        'ฉ' or 'ฌ' => 'ช',
        'ซ' or 'ศ' or 'ษ' => 'ส',
        'ญ' => 'ย',
        'ฎ' => 'ด',
        'ฏ' => 'ต',
        'ฐ' or 'ฑ' or 'ฒ' or 'ถ' or 'ธ' => 'ท',
        'ณ' => 'น',
        'ผ' or 'ภ' => 'พ',
        'ฝ' => 'ฟ',
        'ฤ' => 'ร',
        'ฬ' or 'ฦ' => 'ล',
        'ฮ' => 'ห',
        _ => c,
    };

    // Vowel length is rarely stable across agencies (ชาย/ชัย, ะ/ั): fold long and short forms together. The comparison key
    // keeps ํ (nikhahit) alone, ฺ (phinthu), ๎ (yamakkan) and ๆ, which say nothing about the sound of a name.
    private static char FoldVowel(char c) => c switch
    {
        '\u0E30' or '\u0E31' or '\u0E32' => '\u0E32',
        '\u0E34' or '\u0E35' => '\u0E34',
        '\u0E36' or '\u0E37' => '\u0E36',
        '\u0E38' or '\u0E39' => '\u0E38',
        '\u0E46' or '\u0E3A' or '\u0E4D' or '\u0E4E' => '\0',
        _ => c,
    };

    private static string LatinCollapse(ReadOnlySpan<char> s)
    {
        Span<char> buffer = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        foreach (var c in s)
        {
            if (!char.IsLetterOrDigit(c)) continue;
            if (n > 0 && buffer[n - 1] == c) continue;
            buffer[n++] = c;
        }
        return new string(buffer[..n]);
    }
}

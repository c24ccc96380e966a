using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

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
/// Comparison-level text keys for names: normalisation and phonetic codes.
/// </summary>
/// <remarks>
/// Four codes per name: the model's own sound key (tone marks, silent letters and vowel length dropped, similar
/// consonants folded) and consonant skeleton, which also work on Latin names, plus the published LK82 and Udom83 codes
/// of <see cref="Phonetics.ThaiSoundex"/> for Thai names. Blocking uses the first two (they are defined for every script).
/// REVIEW: <see cref="Normalise"/> overlaps <c>ThaiText.Normalise</c> (it additionally lower-cases Latin); fold them together.
/// </remarks>
public static class NameKeys
{
    public const int CodeCount = 4;

    /// <summary>NFC, zero-width characters and soft hyphens removed, Thai digits to ASCII, spaces collapsed, Latin lower case.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD' or '\u2060') continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            if (c is >= '๐' and <= '๙') sb.Append((char)('0' + (c - '๐')));
            else if (c < 0x0E00 || c > 0x0E7F) sb.Append(char.ToLowerInvariant(c));
            else sb.Append(c);
        }
        return sb.Length == 0 ? null : sb.ToString();
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
        codes[2] = Hash(key[..Phonetics.ThaiSoundex.Lk82(normalised, key)]);
        codes[3] = Hash(key[..Phonetics.ThaiSoundex.Udom83(normalised, key)]);
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
    /// Tone marks, the silent letter before ์ (thanthakhat) and vowel length removed; similar-sounding consonants
    /// folded into one class (ศ/ษ/ส/ซ, ท/ธ/ฑ/ฒ/ถ/ฐ, ค/ข/ฆ, ล/ฬ, พ/ภ/ผ…). สมชาย and สมชัย get the same key.
    /// </summary>
    public static string SoundKey(string normalised)
    {
        Span<char> buffer = normalised.Length <= 256 ? stackalloc char[normalised.Length] : new char[normalised.Length];
        var n = 0;
        foreach (var c in normalised)
        {
            if (c == '\u0E4C')
            {
                // The consonant before ์ is silent, with any vowel sign written on it (ศักดิ์ → ศัก).
                while (n > 0 && IsAboveOrBelowVowel(buffer[n - 1])) n--;
                if (n > 0) n--;
                continue;
            }
            if (c is >= '\u0E48' and <= '\u0E4B' or '\u0E47' or '\u0E4D' or '\u0E4E' or ' ' or '-' or '.' or '\'') continue;
            var mapped = FoldVowel(FoldConsonant(c));
            if (mapped == '\0') continue;
            if (n > 0 && buffer[n - 1] == mapped && !IsThaiConsonant(mapped)) continue;
            buffer[n++] = mapped;
        }
        if (n > 0 && !IsThai(normalised)) return LatinCollapse(buffer[..n]);
        return new string(buffer[..n]);
    }

    /// <summary>Only the consonant classes, repeated classes collapsed: a coarse key that survives vowel typos.</summary>
    public static string ConsonantSkeleton(string normalised)
    {
        var sound = SoundKey(normalised);
        Span<char> buffer = sound.Length <= 256 ? stackalloc char[sound.Length] : new char[sound.Length];
        var n = 0;
        var latin = !IsThai(normalised);
        for (var i = 0; i < sound.Length; i++)
        {
            var c = sound[i];
            var keep = latin ? (i == 0 || !"aeiouyhw".Contains(c)) && char.IsLetter(c) : IsThaiConsonant(c);
            if (!keep) continue;
            if (n > 0 && buffer[n - 1] == c) continue;
            buffer[n++] = c;
        }
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
            if (IsThaiConsonant(f) || char.IsLetterOrDigit(f) && f < 0x0E00) return f;
        }
        return '\0';
    }

    internal static bool IsThai(string s)
    {
        foreach (var c in s)
        {
            if (c is >= '\u0E00' and <= '\u0E7F') return true;
        }
        return false;
    }

    private static bool IsThaiConsonant(char c) => c is >= '\u0E01' and <= '\u0E2E';

    private static bool IsAboveOrBelowVowel(char c) => c is >= '\u0E31' and <= '\u0E3A' and not '\u0E32' and not '\u0E33' or >= '\u0E47' and <= '\u0E4E';

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

    // Vowel length is rarely stable across agencies (ชาย/ชัย, ะ/ั): fold long and short forms together.
    private static char FoldVowel(char c) => c switch
    {
        '\u0E30' or '\u0E31' or '\u0E32' or '\u0E45' => '\u0E32',
        '\u0E34' or '\u0E35' => '\u0E34',
        '\u0E36' or '\u0E37' => '\u0E36',
        '\u0E38' or '\u0E39' => '\u0E38',
        '\u0E43' => '\u0E44',
        '\u0E46' or '\u0E3A' => '\0',
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

    internal static string ToInvariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

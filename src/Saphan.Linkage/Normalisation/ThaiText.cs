using System.Buffers;
using System.Text;

namespace Saphan.Linkage.Normalisation;

/// <summary>
/// Cleaning of Thai (and Latin) text as it arrives from agency files and forms.
/// <see cref="Normalise"/> keeps what a person would see; <see cref="ComparisonKey(string)"/> is a looser
/// form for equality tests in linkage only, never for display.
/// </summary>
/// <remarks>
/// Both are on the hot path of linkage (millions of calls), so they scan once into a stack buffer,
/// avoid regular expressions, and return the input string itself when nothing changes.
/// </remarks>
public static class ThaiText
{
    private const int StackLimit = 256;

    private const char SaraAm = '\u0E33';     // ำ
    private const char SaraAa = '\u0E32';     // า
    private const char Nikhahit = '\u0E4D';   // ํ
    private const char SaraE = '\u0E40';      // เ
    private const char SaraAe = '\u0E41';     // แ
    private const char MaiHanAkat = '\u0E31'; // ั
    private const char MaiTaikhu = '\u0E47';  // ็
    private const char Thanthakhat = '\u0E4C'; // ์
    private const char LakkhangYao = '\u0E45'; // ๅ
    private const char SaraAiMaiMalai = '\u0E44'; // ไ
    private const char SaraAiMaiMuan = '\u0E43';  // ใ
    private const char MoMa = '\u0E21';       // ม

    /// <summary>
    /// Unicode NFC; zero-width characters (U+200B–U+200D, U+FEFF, U+2060) and soft hyphens removed;
    /// Thai digits ๐–๙ turned into ASCII; any run of whitespace made one space; trimmed.
    /// Also folds spellings that look identical on screen: "ํา" (nikhahit + sara aa) → "ำ", "เเ" (two sara e) → "แ",
    /// and a Thai combining mark typed twice in a row → once. Idempotent.
    /// </summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsAlreadyNormal(text)) return text;

        var result = text;
        // Each pass can expose work for the next (NFC reordering can bring two equal marks together);
        // three passes reach a fixed point for any input seen in practice, and the loop stops as soon as nothing changes.
        for (var pass = 0; pass < 3; pass++)
        {
            var cleaned = CleanPass(result);
            var composed = cleaned.IsNormalized(NormalizationForm.FormC) ? cleaned : cleaned.Normalize(NormalizationForm.FormC);
            if (ReferenceEquals(composed, result) || composed == result) return composed;
            result = composed;
        }
        return result;
    }

    /// <summary>
    /// A looser key for comparing names: <see cref="Normalise"/>, then
    /// <list type="bullet">
    /// <item>tone marks ่ ้ ๊ ๋ removed;</item>
    /// <item>the thanthakhat ์ removed together with the letter it silences (and a vowel written on that letter,
    /// as in ศักดิ์ → ศัก, and the pairs จน์ มณ์ ณฑ์ ทร์ ตร์, as in จันทร์ → จัน) unless <paramref name="dropSilencedLetter"/> is false,
    /// in which case only the mark goes (ศักดิ์ → ศักดิ);</item>
    /// <item>vowel variants: mai taikhu ็ removed (เป็น = เปน), ใ → ไ, ๅ → า, "ัม" before a consonant or at the end → "ำ" (อัมพร = อำพร);</item>
    /// <item>spaces, dots, hyphens, apostrophes and commas removed (ณ อยุธยา = ณอยุธยา);</item>
    /// <item>Latin letters upper-cased (invariant).</item>
    /// </list>
    /// Consonant confusions (ศ/ษ/ส, ฎ/ฏ …) are left to the phonetic keys.
    /// </summary>
    public static string ComparisonKey(string text, bool dropSilencedLetter)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = Normalise(text);
        if (normal.Length == 0) return normal;

        char[]? rented = null;
        var buffer = normal.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(normal.Length));
        try
        {
            var n = 0;
            for (var i = 0; i < normal.Length; i++)
            {
                var c = normal[i];
                if (IsToneMark(c) || c == MaiTaikhu) continue;
                if (c is ' ' or '.' or '-' or '\'' or ',' or '\u2019') continue;
                if (c == Thanthakhat)
                {
                    if (dropSilencedLetter) n = DropSilenced(buffer, n);
                    continue;
                }
                if (c == SaraAiMaiMuan) c = SaraAiMaiMalai;
                else if (c == LakkhangYao) c = SaraAa;
                else if (c is >= 'a' and <= 'z') c = (char)(c - 32);
                else if (c == MoMa && n > 0 && buffer[n - 1] == MaiHanAkat && !NextAttachesToMoMa(normal, i + 1))
                {
                    buffer[n - 1] = SaraAm;
                    continue;
                }
                else if (c > 0x7F && c < 0x0E00 && char.IsLetter(c)) c = char.ToUpperInvariant(c);
                buffer[n++] = c;
            }
            var span = buffer[..n];
            return span.SequenceEqual(normal) ? normal : new string(span);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary><see cref="ComparisonKey(string, bool)"/> with the silenced letter dropped.</summary>
    public static string ComparisonKey(string text) => ComparisonKey(text, dropSilencedLetter: true);

    /// <summary>Thai consonant ก–ฮ (U+0E01–U+0E2E), including ฤ and ฦ.</summary>
    public static bool IsThaiConsonant(char c) => c is >= '\u0E01' and <= '\u0E2E';

    /// <summary>Mai ek, mai tho, mai tri, mai chattawa (U+0E48–U+0E4B).</summary>
    public static bool IsToneMark(char c) => c is >= '\u0E48' and <= '\u0E4B';

    /// <summary>Any character of the Thai block U+0E01–U+0E5B.</summary>
    public static bool IsThai(char c) => c is >= '\u0E01' and <= '\u0E5B';

    /// <summary>Thai combining (non-spacing) marks: vowels above/below, tone marks and signs.</summary>
    internal static bool IsThaiCombining(char c) =>
        c == MaiHanAkat || c is >= '\u0E34' and <= '\u0E3A' || c is >= '\u0E47' and <= '\u0E4E';

    private static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u2060' or '\u00AD';

    /// <summary>The characters that make Normalise change something (or may need NFC).</summary>
    private static bool IsAlreadyNormal(string text)
    {
        if (text.Length == 0) return true;
        if (text[0] == ' ' || text[^1] == ' ') return false;
        var previous = '\0';
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                if (c < ' ' || (c == ' ' && previous == ' ')) return false;
            }
            else if (c is >= '\u0E00' and <= '\u0E7F')
            {
                if (c is >= '\u0E50' and <= '\u0E59') return false;
                if (c == SaraAa && previous == Nikhahit) return false;
                if (c == SaraE && previous == SaraE) return false;
                if (c == previous && IsThaiCombining(c)) return false;
                // Canonical order: below vowels (ccc 103) and phinthu (9) before tone marks (107).
                if (CombiningClass(c) is > 0 and var cc && CombiningClass(previous) > cc) return false;
            }
            else
            {
                return false; // other scripts, zero-width and non-ASCII spaces: take the careful path
            }
            previous = c;
        }
        return true;
    }

    private static string CleanPass(string text)
    {
        char[]? rented = null;
        var buffer = text.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var n = 0;
            var pendingSpace = false;
            foreach (var raw in text)
            {
                var c = raw;
                if (IsZeroWidth(c)) continue;
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    pendingSpace = n > 0;
                    continue;
                }
                if (pendingSpace)
                {
                    buffer[n++] = ' ';
                    pendingSpace = false;
                }
                if (c is >= '\u0E50' and <= '\u0E59') c = (char)('0' + (c - '\u0E50'));
                if (n > 0)
                {
                    var last = buffer[n - 1];
                    if (c == SaraAa && last == Nikhahit) { buffer[n - 1] = SaraAm; continue; }
                    if (c == SaraE && last == SaraE) { buffer[n - 1] = SaraAe; continue; }
                    if (c == last && IsThaiCombining(c)) continue;
                }
                buffer[n++] = c;
            }
            // Thai-only canonical reordering here saves the globalisation call in the common case.
            SortThaiMarks(buffer[..n]);
            var span = buffer[..n];
            return span.SequenceEqual(text) ? text : new string(span);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Canonical combining classes of the Thai block (all others in it are 0).</summary>
    private static int CombiningClass(char c) => c switch
    {
        '\u0E38' or '\u0E39' => 103,
        '\u0E3A' => 9,
        >= '\u0E48' and <= '\u0E4B' => 107,
        _ => 0,
    };

    private static void SortThaiMarks(Span<char> s)
    {
        // Insertion sort by combining class within each run of non-zero classes: runs are one to three marks long.
        for (var i = 1; i < s.Length; i++)
        {
            var cc = CombiningClass(s[i]);
            if (cc == 0) continue;
            var j = i;
            while (j > 0 && CombiningClass(s[j - 1]) > cc)
            {
                (s[j - 1], s[j]) = (s[j], s[j - 1]);
                j--;
            }
        }
    }

    /// <summary>
    /// Removes the letter silenced by a thanthakhat from the end of <paramref name="buffer"/>:
    /// a consonant, or a consonant with a vowel on it (ดิ์, ธุ์), or one of the silent pairs จน มณ ณฑ ทร ตร.
    /// </summary>
    private static int DropSilenced(Span<char> buffer, int n)
    {
        if (n == 0) return n;
        var last = buffer[n - 1];
        if (last is >= '\u0E30' and <= '\u0E39' && n >= 2 && IsThaiConsonant(buffer[n - 2])) return n - 2;
        if (!IsThaiConsonant(last)) return n;
        if (n >= 2 && IsSilentPair(buffer[n - 2], last)) return n - 2;
        return n - 1;
    }

    internal static bool IsSilentPair(char first, char second) => (first, second) switch
    {
        ('จ', 'น') or ('ม', 'ณ') or ('ณ', 'ฑ') or ('ท', 'ร') or ('ต', 'ร') => true,
        _ => false,
    };

    private static bool NextAttachesToMoMa(string s, int i)
    {
        if (i >= s.Length) return false;
        var c = s[i];
        // A vowel or sign written on ม means ม starts a syllable, so "ัม" is not the sound of ำ there.
        return c is >= '\u0E30' and <= '\u0E3A' or >= '\u0E45' and <= '\u0E4E';
    }
}

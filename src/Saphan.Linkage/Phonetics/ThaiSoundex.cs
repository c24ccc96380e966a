using System.Buffers;
using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Phonetics;

/// <summary>
/// Thai phonetic keys ("soundex") for blocking and comparing names that sound alike but are spelt differently.
/// No single code is robust for names (สมชาย and สมชัย split under some), so the model uses several.
/// </summary>
/// <remarks>
/// <para>Written from the published definitions, checked against the vectors published with PyThaiNLP:</para>
/// <list type="bullet">
/// <item>LK82: Lorchirachoonkul, V. (1982). A Thai soundex system. Information Processing &amp; Management 18(5).</item>
/// <item>Udom83: Udompanich, W. (1983). String searching for Thai alphabet using soundex compression technique. MSc thesis, Chulalongkorn University.</item>
/// <item>MetaSound: Snae, C. &amp; Brückner, M. (2009). Novel phonetic name matching algorithm with a statistical ontology
/// for analysing names given in accordance with Thai astrology.</item>
/// <item>Prayut–Somchai: Suwanvisat, P. &amp; Prasitjutrakul, S. (1998). Thai-English cross-language transliterated word retrieval
/// using soundex technique.</item>
/// </list>
/// <para>Characters outside the Thai block (spaces, digits, Latin letters) are ignored by the three Thai-only keys, so a
/// two-word surname is coded as one word. Each key is computed with stack buffers only; the string overloads allocate the
/// result and nothing else, and the span overloads allocate nothing.</para>
/// </remarks>
public static class ThaiSoundex
{
    /// <summary>The length of an LK82 key: the first letter and four codes.</summary>
    public const int Lk82Length = 5;

    /// <summary>The length of an Udom83 key: the first letter and six codes.</summary>
    public const int Udom83Length = 7;

    private const int StackLimit = 128;

    private const char Thanthakhat = '\u0E4C';
    private const char SaraU = '\u0E38';
    private const char SaraAm = '\u0E33';

    // LK82 (Lorchirachoonkul 1982): the first consonant is reduced to a representative letter (TRANS1),
    // the rest to sound-group codes 1–9, A–F (TRANS2).
    private static readonly char[] Lk82First = Table(
        ("กขฃคฅฆ", 'ก'), ("ง", 'ง'), ("จ", 'จ'), ("ฉชฌ", 'ช'), ("ซศษส", 'ซ'), ("ญย", 'ย'), ("ฎด", 'ด'), ("ฏต", 'ต'),
        ("ณน", 'น'), ("ฐฑฒถทธ", 'ท'), ("บ", 'บ'), ("ป", 'ป'), ("ผพภ", 'พ'), ("ฝฟ", 'ฟ'), ("ม", 'ม'), ("รลฬฤฦ", 'ร'),
        ("ว", 'ว'), ("หฮ", 'ห'), ("อ", 'อ'));

    private static readonly char[] Lk82Code = Table(
        ("กขฃคฅฆ", '1'), ("ง", '2'), ("จฉชซฌฎฏฐฑฒดตถทธศษส", '3'), ("ญณนรลฬฤฦ", '4'), ("บปพฟภผฝ", '5'),
        ("มำ", '6'), ("ยวไใ", '7'), ("หฮ", '8'), ("า", '9'), ("ๅึื", 'A'), ("เ", 'B'), ("แ", 'C'), ("โ", 'D'),
        ("ุู", 'E'), ("อ", 'F'));

    // Udom83 (Udompanich 1983). ฬ is not in the published table; it is coded with ล, the letter it sounds as.
    private static readonly char[] Udom83First = Table(
        ("ก", 'ก'), ("ขฃคฅฆ", 'ข'), ("ง", 'ง'), ("จ", 'จ'), ("ฉชฌ", 'ช'), ("ซศษส", 'ส'), ("ฎด", 'ด'), ("ฏต", 'ต'),
        ("ฐฑฒถทธ", 'ท'), ("ณน", 'น'), ("บ", 'บ'), ("ป", 'ป'), ("ผพภ", 'พ'), ("ฝฟ", 'ฟ'), ("ม", 'ม'), ("ญย", 'ย'),
        ("รลฬฤฦ", 'ร'), ("ว", 'ว'), ("อ", 'อ'), ("หฮ", 'ฮ'));

    private static readonly char[] Udom83Code = Table(
        ("มวำ", '0'), ("กขฃคฅฆ", '1'), ("งย", '2'), ("ญณน", '3'), ("ฎฏดตศษส", '4'), ("บปพภ", '5'), ("ผฝฟหอฮ", '6'),
        ("จฉชซฌ", '7'), ("ฐฑฒถทธ", '8'), ("รฤลฦฬ", '9'));

    // MetaSound (Snae & Brückner 2009): K, D, B, NG, N, M, Y, W groups; anything else 0.
    private static readonly char[] MetaSoundCode = Table(
        ("กขฃคฆฅ", '1'), ("จฉชฌซฐทฒดฎตสศษ", '2'), ("ฟฝพผภบป", '3'), ("ง", '4'), ("ลฬรนณฦญ", '5'), ("ม", '6'), ("ย", '7'), ("ว", '8'));

    /// <summary>LK82 key: the first consonant and four codes, e.g. รัก → ร1000, บูรณการ → บE419. Empty for text without Thai letters.</summary>
    public static string Lk82(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> key = stackalloc char[Lk82Length];
        return new string(key[..Lk82(text, key)]);
    }

    /// <summary>Writes the LK82 key of <paramref name="text"/> into <paramref name="destination"/> (at least 5 chars); returns its length (0 or 5).</summary>
    public static int Lk82(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (destination.Length < Lk82Length) throw new ArgumentException("Needs 5 characters.", nameof(destination));
        char[]? rented = null;
        var buffer = text.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            // Tone marks, silent letters, mai taikhu, nikhahit, phinthu, mai yamok and paiyannoi go first.
            var t = buffer[..Prepare(text, buffer, dropMarks: true)];
            if (t.Length == 0) return 0;

            // Codes go straight to the key; '\0' stands for "separator, no code", and a code equal to the one before it
            // (separators included) is a repeat and dropped.
            var emitter = new Lk82Emitter(destination);
            int rest;
            if (ThaiText.IsThaiConsonant(t[0]))
            {
                emitter.Add(Map(Lk82First, t[0]));
                rest = 1;
            }
            else
            {
                // A leading vowel (เ แ โ ใ ไ) is written before the consonant it follows in speech.
                if (t.Length > 1) emitter.Add(ThaiText.IsThaiConsonant(t[1]) ? Map(Lk82First, t[1]) : Map(Lk82Code, t[1]));
                emitter.Add(Map(Lk82Code, t[0]));
                rest = 2;
            }

            var lastVowel = int.MinValue;
            for (var i = rest; i < t.Length && !emitter.Full; i++)
            {
                var c = t[i];
                var next = i + 1 < t.Length ? t[i + 1] : '\0';
                var beforeHighOrLowVowel = next is 'ึ' or 'ื' or 'ุ' or 'ู';
                switch (c)
                {
                    case 'ะ' or 'ั' or 'ิ' or 'ี': // separate, code nothing
                        lastVowel = i;
                        emitter.Add('\0');
                        break;
                    case 'า' or 'ๅ' or 'ึ' or 'ื' or 'ู': // separate and code
                        lastVowel = i;
                        emitter.Add(Map(Lk82Code, c));
                        break;
                    case SaraU: // silent after ต and ธ at the end of a word (เหตุ = เหด)
                        lastVowel = i;
                        emitter.Add(i > rest && t[i - 1] is 'ต' or 'ธ' ? '\0' : Map(Lk82Code, c));
                        break;
                    case 'ห' or 'อ':
                        if (beforeHighOrLowVowel) emitter.Add(Map(Lk82Code, c));
                        break;
                    case 'ร' or 'ว' or 'ย' or 'ฤ' or 'ฦ':
                        if (lastVowel == i - 1 || beforeHighOrLowVowel) emitter.Add(Map(Lk82Code, c));
                        break;
                    default:
                        emitter.Add(Map(Lk82Code, c));
                        break;
                }
            }

            var written = emitter.Written;
            while (written < Lk82Length) destination[written++] = '0';
            return Lk82Length;
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Udom83 key: the first consonant and six codes, e.g. รัก → ร100000, บูรณการ → บ931900. Empty for text without Thai letters.</summary>
    public static string Udom83(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> key = stackalloc char[Udom83Length];
        return new string(key[..Udom83(text, key)]);
    }

    /// <summary>Writes the Udom83 key into <paramref name="destination"/> (at least 7 chars); returns its length (0 or 7).</summary>
    public static int Udom83(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (destination.Length < Udom83Length) throw new ArgumentException("Needs 7 characters.", nameof(destination));
        char[]? rentedA = null, rentedB = null;
        var size = Math.Max(text.Length, 4);
        var a = size <= StackLimit ? stackalloc char[StackLimit] : (rentedA = ArrayPool<char>.Shared.Rent(size));
        var b = size <= StackLimit ? stackalloc char[StackLimit] : (rentedB = ArrayPool<char>.Shared.Rent(size));
        try
        {
            var n = Prepare(text, a, dropMarks: false);
            // The rewrites never lengthen the text, so two buffers of the input's size are enough.
            n = RewriteRoRan(a[..n], b);
            n = RewriteSaraAi(b[..n], a);
            n = RewriteSaraAm(a[..n], b);
            n = DropSilent(b[..n], a);

            var written = 0;
            for (var i = 0; i < n && written < Udom83Length; i++)
            {
                var c = a[i];
                if (!ThaiText.IsThaiConsonant(c)) continue; // vowels, tone marks and signs carry no code
                destination[written] = written == 0 ? Map(Udom83First, c) : Map(Udom83Code, c);
                written++;
            }
            if (written == 0) return 0;
            while (written < Udom83Length) destination[written++] = '0';
            return Udom83Length;
        }
        finally
        {
            if (rentedA is not null) ArrayPool<char>.Shared.Return(rentedA);
            if (rentedB is not null) ArrayPool<char>.Shared.Return(rentedB);
        }
    }

    /// <summary>
    /// MetaSound key of <paramref name="length"/> characters: the first consonant, then codes of the following consonants
    /// (vowels and tone marks ignored, a letter silenced by ์ dropped), padded with 0: ลัก → ล100, สรรค์พล → ส553.
    /// </summary>
    public static string MetaSound(string text, int length = 4)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var key = length <= StackLimit ? stackalloc char[length] : new char[length];
        return new string(key[..MetaSound(text, key)]);
    }

    /// <summary>Writes the MetaSound key of <c>destination.Length</c> characters; returns that length, or 0 for text without Thai consonants.</summary>
    public static int MetaSound(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = destination.Length;
        if (length == 0) return 0;
        char[]? rented = null;
        var buffer = text.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var n = 0;
            foreach (var c in text)
            {
                if (c == Thanthakhat)
                {
                    if (n > 0) n--; // the silenced consonant goes with the mark
                }
                else if (ThaiText.IsThaiConsonant(c) && c is not ('ฤ' or 'ฦ'))
                {
                    buffer[n++] = c;
                }
            }
            if (n == 0) return 0;
            destination[0] = buffer[0];
            for (var i = 1; i < length; i++)
            {
                destination[i] = i < n ? Map(MetaSoundCode, buffer[i], '0') : '0';
            }
            return length;
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Prayut–Somchai cross-language key (Thai and Latin script): sound-group digits of the consonants, and of vowels,
    /// H, W and Y after the first letter, kept to the last <paramref name="length"/> digits as in the reference implementation
    /// whose published vectors this passes (king → 52, คิง → 52, vp → 11 at length 2). Thai vowel signs carry no code, so
    /// Thai and Latin spellings agree best at short lengths. ง codes as 52 (n + g).
    /// ช is coded with its group (2); the reference table omits it by mistake.
    /// </summary>
    public static string PrayutSomchai(string text, int length = 4)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var key = length <= StackLimit ? stackalloc char[length] : new char[length];
        return new string(key[..PrayutSomchai(text, key)]);
    }

    /// <summary>Writes the Prayut–Somchai key (at most <c>destination.Length</c> digits); returns its length.</summary>
    public static int PrayutSomchai(ReadOnlySpan<char> text, Span<char> destination)
    {
        char[]? rented = null;
        var size = text.Length * 2;
        var codes = size <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(size));
        try
        {
            var n = 0;
            var index = 0;
            foreach (var raw in text)
            {
                var c = raw is >= 'a' and <= 'z' ? (char)(raw - 32) : raw;
                if (!(c is >= 'A' and <= 'Z' || ThaiText.IsThai(c))) continue;
                var first = index++ == 0;
                var code = PrayutSomchaiCode(c, first);
                if (code == '\0') continue;
                if (code == 'G')
                {
                    codes[n++] = '5';
                    codes[n++] = '2';
                }
                else
                {
                    codes[n++] = code;
                }
            }
            var take = Math.Min(n, destination.Length);
            codes.Slice(n - take, take).CopyTo(destination);
            return take;
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The group digit of one letter; 'G' stands for ง's two digits, '\0' for no code.</summary>
    private static char PrayutSomchaiCode(char c, bool first)
    {
        if (first && c is 'A' or 'E' or 'I' or 'O' or 'U' or 'H' or 'W' or 'Y' or 'อ') return '0';
        switch (c)
        {
            case 'B' or 'F' or 'P' or 'V' or 'บ' or 'ฝ' or 'ฟ' or 'ป' or 'ผ' or 'พ' or 'ภ' or 'ว':
                return '1';
            case 'C' or 'G' or 'J' or 'K' or 'Q' or 'S' or 'X' or 'Z'
                or 'ก' or 'ข' or 'ฃ' or 'ค' or 'ฅ' or 'ฆ' or 'จ' or 'ฉ' or 'ช' or 'ซ' or 'ฌ' or 'ศ' or 'ษ' or 'ส':
                return '2';
            case 'D' or 'T' or 'ฎ' or 'ด' or 'ฏ' or 'ต' or 'ฐ' or 'ฑ' or 'ฒ' or 'ถ' or 'ท' or 'ธ':
                return '3';
            case 'L' or 'ล' or 'ฬ':
                return '4';
            case 'M' or 'N' or 'ม' or 'ณ' or 'น':
                return '5';
            case 'R' or 'ร':
                return '6';
            case 'ง':
                return 'G';
        }
        if (first) return '\0';
        return c switch
        {
            'A' or 'E' or 'I' or 'O' or 'U' or 'อ' => '7',
            'H' or 'ห' or 'ฮ' => '8',
            'W' => '1',
            'Y' or 'ย' or 'ญ' => '9',
            _ => '\0',
        };
    }

    /// <summary>
    /// Keeps Thai letters only, folds look-alike spellings (ํา → ำ, เเ → แ) and, for LK82, drops tone marks,
    /// silent letters and the signs ็ ํ ฺ ๆ ฯ. Returns the length written to <paramref name="output"/>.
    /// </summary>
    private static int Prepare(ReadOnlySpan<char> text, Span<char> output, bool dropMarks)
    {
        var n = 0;
        foreach (var raw in text)
        {
            var c = raw;
            if (c is < '\u0E01' or > '\u0E4E') continue;
            if (n > 0 && c == 'า' && output[n - 1] == '\u0E4D') { output[n - 1] = SaraAm; continue; }
            if (n > 0 && c == 'เ' && output[n - 1] == 'เ') { output[n - 1] = 'แ'; continue; }
            if (dropMarks)
            {
                if (ThaiText.IsToneMark(c)) continue;
                if (c == Thanthakhat)
                {
                    n = DropSilencedBefore(output, n);
                    continue;
                }
                if (c is '\u0E47' or '\u0E4D' or '\u0E3A' or 'ๆ' or 'ฯ') continue;
            }
            output[n++] = c;
        }
        return n;
    }

    /// <summary>Removes what a thanthakhat silences: จน์ มณ์ ณฑ์ ทร์ ตร์, a consonant, or a consonant with its vowel (ดิ์, ธุ์).</summary>
    private static int DropSilencedBefore(Span<char> output, int n)
    {
        if (n == 0) return 0;
        var last = output[n - 1];
        if (ThaiText.IsThaiConsonant(last))
        {
            return n >= 2 && ThaiText.IsSilentPair(output[n - 2], last) ? n - 2 : n - 1;
        }
        if (last is >= '\u0E30' and <= '\u0E39' && n >= 2 && ThaiText.IsThaiConsonant(output[n - 2])) return n - 2;
        return n; // a stray mark: nothing to silence
    }

    /// <summary>Udom83 steps 1–4: รร is read as "an" (or "a" before a final consonant): สรรพ, กรรม, ธรรมดา.</summary>
    private static int RewriteRoRan(ReadOnlySpan<char> s, Span<char> o)
    {
        var n = 0;
        for (var i = 0; i < s.Length;)
        {
            if (s[i] == 'ร' && i + 1 < s.Length && s[i + 1] == 'ร')
            {
                var x = i + 2 < s.Length ? s[i + 2] : '\0';
                var y = i + 3 < s.Length ? s[i + 3] : '\0';
                if (IsLeadingVowel(x)) // รร before เ–ไ
                {
                    o[n++] = 'ั'; o[n++] = 'น'; o[n++] = x;
                    i += 3;
                    continue;
                }
                if (ThaiText.IsThaiConsonant(x) && (ThaiText.IsThaiConsonant(y) || IsLeadingVowel(y)))
                {
                    o[n++] = 'ั'; o[n++] = x; o[n++] = y;
                    i += 4;
                    continue;
                }
                if (ThaiText.IsThaiConsonant(x) && y is >= '\u0E30' and <= '\u0E39' or >= '\u0E48' and <= '\u0E4C')
                {
                    o[n++] = 'ั'; o[n++] = 'น'; o[n++] = x; o[n++] = y;
                    i += 4;
                    continue;
                }
                o[n++] = 'ั'; o[n++] = 'น';
                i += 2;
                continue;
            }
            o[n++] = s[i++];
        }
        return n;
    }

    /// <summary>Udom83 steps 5–6: ไ…ย drops ไ; otherwise ไ/ใ before a consonant become that consonant + ย.</summary>
    private static int RewriteSaraAi(ReadOnlySpan<char> s, Span<char> o)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == 'ไ' && i + 2 < s.Length && ThaiText.IsThaiConsonant(s[i + 1]) && s[i + 2] == 'ย')
            {
                o[n++] = s[i + 1]; o[n++] = 'ย';
                i += 2;
                continue;
            }
            if (c is 'ไ' or 'ใ' && i + 1 < s.Length && ThaiText.IsThaiConsonant(s[i + 1]))
            {
                o[n++] = s[i + 1]; o[n++] = 'ย';
                i += 1;
                continue;
            }
            o[n++] = c;
        }
        return n;
    }

    /// <summary>Udom83 steps 7–9: ำ codes as ม (ำม before a vowel keeps both; ำม otherwise is one ม).</summary>
    private static int RewriteSaraAm(ReadOnlySpan<char> s, Span<char> o)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c != SaraAm)
            {
                o[n++] = c;
                continue;
            }
            if (i + 2 < s.Length && s[i + 1] == 'ม' && s[i + 2] is >= '\u0E30' and <= '\u0E39')
            {
                o[n++] = 'ม'; o[n++] = 'ม'; o[n++] = s[i + 2];
                i += 2;
                continue;
            }
            o[n++] = 'ม';
            if (i + 1 < s.Length && s[i + 1] == 'ม') i++;
        }
        return n;
    }

    /// <summary>Udom83 step 10: silent letters go with their thanthakhat.</summary>
    private static int DropSilent(ReadOnlySpan<char> s, Span<char> o)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (c == Thanthakhat) n = DropSilencedBefore(o, n);
            else o[n++] = c;
        }
        return n;
    }

    /// <summary>Writes LK82 codes, dropping repeats and separators, until the key is full.</summary>
    private ref struct Lk82Emitter(Span<char> destination)
    {
        private readonly Span<char> destination = destination;
        private char previous = '\uFFFF';

        public int Written { get; private set; }

        public readonly bool Full => Written == Lk82Length;

        public void Add(char code)
        {
            if (code == previous) return;
            previous = code;
            if (code != '\0' && Written < Lk82Length) destination[Written++] = code;
        }
    }

    private static bool IsLeadingVowel(char c) => c is >= '\u0E40' and <= '\u0E44';

    private static char Map(char[] table, char c, char otherwise = '\0') =>
        c is >= '\u0E00' and <= '\u0E7F' && table[c - '\u0E00'] is var m and not '\0' ? m : otherwise;

    private static char[] Table(params (string Letters, char Code)[] groups)
    {
        var table = new char[0x80];
        foreach (var (letters, code) in groups)
        {
            foreach (var c in letters) table[c - '\u0E00'] = code;
        }
        return table;
    }
}

namespace Saphan.Linkage.Normalisation;

/// <summary>
/// Reads dates of birth as Thai agencies write them, keeping their precision:
/// "15/1/2523", "15-01-2523", "15.01.23", "2523-01-15", "1980-01-15 00:00:00", "25230115",
/// "15 มกราคม 2523", "15 ม.ค. 23", "วันที่ 15 เดือนมกราคม พ.ศ. 2523", "January 15, 1980", "15-Jan-1980",
/// "ม.ค. 2523" and "01/2523" (month), "2523" (year), Thai digits, and 0 for an unknown day or month ("00/00/2523").
/// </summary>
/// <remarks>
/// Never throws on content and never uses culture-dependent parsing (th-TH's default calendar is Buddhist and would shift years).
/// The result is always a CE <see cref="PartialDate"/>.
/// </remarks>
public static class ThaiDateParser
{
    /// <summary>The earliest and latest CE years accepted as a date of birth.</summary>
    public const int MinYear = 1800, MaxYear = 2200;

    private const int MaxTokens = 8;

    private enum TokenKind : byte { Number, Month, Era }

    private readonly record struct Token(TokenKind Kind, int Value, int Digits);

    private enum Era : byte { Unknown, Buddhist, Common }

    private static readonly Dictionary<string, int> Words = BuildWords();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    // Word values: 1–12 months, 100 BE marker, 101 CE marker, 0 noise.
    private const int BuddhistMarker = 100, CommonMarker = 101, Noise = 0;

    private static Dictionary<string, int> BuildWords()
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 1; m <= 12; m++)
        {
            words[ThaiMonths.Long[m - 1]] = m;
            words[ThaiMonths.Short[m - 1]] = m;
            words[ThaiMonths.Abbreviation[m - 1].Replace(".", "", StringComparison.Ordinal)] = m;
            words[ThaiMonths.English[m - 1].ToLowerInvariant()] = m;
            words[ThaiMonths.EnglishAbbreviation[m - 1].ToLowerInvariant()] = m;
        }
        words["sept"] = 9;
        words["กรกฏาคม"] = 7; // ฏ for ฎ: a very common misspelling
        words["กรกฏา"] = 7;
        words["พศ"] = BuddhistMarker;
        words["be"] = BuddhistMarker;
        words["คศ"] = CommonMarker;
        words["ce"] = CommonMarker;
        words["ad"] = CommonMarker;
        foreach (var noise in new[] { "วันที่", "วัน", "ที่", "เดือน", "ปี", "เกิด", "of", "the", "st", "nd", "rd", "th" })
        {
            words[noise] = Noise;
        }
        return words;
    }

    /// <summary>
    /// Reads <paramref name="text"/>; false with a <see cref="DateProblem"/> when it is empty, unreadable or impossible.
    /// </summary>
    public static bool TryParse(string? text, DateConvention convention, out PartialDate date, out DateProblem problem)
    {
        ArgumentNullException.ThrowIfNull(convention);
        date = default;
        if (string.IsNullOrWhiteSpace(text) || text.Trim() is "-" or "--" or "—")
        {
            problem = DateProblem.Empty;
            return false;
        }
        var normal = ThaiText.Normalise(text);
        Span<Token> tokens = stackalloc Token[MaxTokens];
        problem = Tokenise(CutTime(normal), tokens, out var count);
        if (problem != DateProblem.None) return false;
        problem = Interpret(tokens[..count], convention, out date);
        return problem == DateProblem.None;
    }

    /// <summary>Drops a time of day ("1980-01-15 00:00:00", "1980-01-15T08:30") that spreadsheets append.</summary>
    private static ReadOnlySpan<char> CutTime(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 0) return text;
        var i = colon;
        while (i > 0 && char.IsAsciiDigit(text[i - 1])) i--;
        if (i > 0 && (text[i - 1] == ' ' || text[i - 1] == 'T' || text[i - 1] == 't')) return text.AsSpan(0, i - 1);
        return text; // a colon elsewhere: leave it to be reported as unrecognised
    }

    private static DateProblem Tokenise(ReadOnlySpan<char> text, Span<Token> tokens, out int count)
    {
        count = 0;
        Span<char> key = stackalloc char[32];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                long value = 0;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    if (i - start < 9) value = value * 10 + (text[i] - '0');
                    i++;
                }
                var digits = i - start;
                if (digits > 8) return DateProblem.Unrecognised;
                if (count == tokens.Length) return DateProblem.Unrecognised;
                tokens[count++] = new Token(TokenKind.Number, (int)value, digits);
            }
            else if (IsWordChar(c))
            {
                var n = 0;
                while (i < text.Length && (IsWordChar(text[i]) || (text[i] == '.' && n > 0)))
                {
                    var w = text[i];
                    if (w != '.')
                    {
                        if (n == key.Length) return DateProblem.Unrecognised;
                        key[n++] = w is >= 'A' and <= 'Z' ? (char)(w + 32) : w;
                    }
                    i++;
                }
                if (!TryWord(key[..n], out var word)) return DateProblem.Unrecognised;
                if (word == Noise) continue;
                if (count == tokens.Length) return DateProblem.Unrecognised;
                tokens[count++] = word switch
                {
                    BuddhistMarker => new Token(TokenKind.Era, (int)Era.Buddhist, 0),
                    CommonMarker => new Token(TokenKind.Era, (int)Era.Common, 0),
                    _ => new Token(TokenKind.Month, word, 0),
                };
            }
            else if (c is ' ' or '/' or '-' or '.' or ',' or '\\')
            {
                i++;
            }
            else
            {
                return DateProblem.Unrecognised;
            }
        }
        return count == 0 ? DateProblem.Unrecognised : DateProblem.None;
    }

    /// <summary>A known word, or a noise prefix glued to one ("เดือนมกราคม", "พ.ศ.2523" is split by the digit already).</summary>
    private static bool TryWord(ReadOnlySpan<char> key, out int word)
    {
        if (WordLookup.TryGetValue(key, out word)) return true;
        foreach (var prefix in (ReadOnlySpan<string>)["วันที่", "เดือน", "ปี"])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && WordLookup.TryGetValue(key[prefix.Length..], out word)) return true;
        }
        return false;
    }

    private static bool IsWordChar(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' || c is >= '\u0E01' and <= '\u0E4E';

    private static DateProblem Interpret(ReadOnlySpan<Token> tokens, DateConvention convention, out PartialDate date)
    {
        date = default;
        Span<Token> numbers = stackalloc Token[MaxTokens];
        var numberCount = 0;
        var month = 0;
        var numbersBeforeMonth = -1;
        var era = Era.Unknown;
        foreach (var t in tokens)
        {
            switch (t.Kind)
            {
                case TokenKind.Number:
                    numbers[numberCount++] = t;
                    break;
                case TokenKind.Month:
                    if (month != 0) return DateProblem.Unrecognised;
                    month = t.Value;
                    numbersBeforeMonth = numberCount;
                    break;
                case TokenKind.Era:
                    if (era != Era.Unknown && era != (Era)t.Value) return DateProblem.Unrecognised;
                    era = (Era)t.Value;
                    break;
            }
        }
        var nums = numbers[..numberCount];
        Token year;
        var day = 0;
        if (month != 0)
        {
            var after = numberCount - numbersBeforeMonth;
            switch (numbersBeforeMonth, after)
            {
                case (1, 1) when nums[0].Digits == 4 && nums[1].Digits <= 2: // 2523 ม.ค. 15
                    year = nums[0];
                    day = nums[1].Value;
                    break;
                case (1, 1): // 15 ม.ค. 2523
                    day = nums[0].Value;
                    year = nums[1];
                    if (nums[0].Digits > 2) return DateProblem.DayOutOfRange;
                    break;
                case (0, 2) when nums[0].Digits <= 2: // January 15, 1980
                    day = nums[0].Value;
                    year = nums[1];
                    break;
                case (0, 1): // ม.ค. 2523
                    year = nums[0];
                    break;
                default:
                    return DateProblem.Unrecognised;
            }
        }
        else
        {
            switch (numberCount)
            {
                case 1 when nums[0].Digits == 4:
                    year = nums[0];
                    break;
                case 1 when nums[0].Digits == 8 && LooksLikeYear(nums[0].Value / 10000): // yyyymmdd
                    year = new Token(TokenKind.Number, nums[0].Value / 10000, 4);
                    month = nums[0].Value / 100 % 100;
                    day = nums[0].Value % 100;
                    break;
                case 1 when nums[0].Digits == 8: // ddmmyyyy or mmddyyyy, by the convention
                    year = new Token(TokenKind.Number, nums[0].Value % 10000, 4);
                    var (first, second) = (nums[0].Value / 1000000, nums[0].Value / 10000 % 100);
                    (day, month) = convention.Order == DateOrder.DayMonthYear ? (first, second) : (second, first);
                    break;
                case 2 when nums[0].Digits == 4: // 2523-01
                    year = nums[0];
                    month = nums[1].Value;
                    if (nums[1].Digits > 2) return DateProblem.MonthOutOfRange;
                    break;
                case 2 when nums[1].Digits is 4 or 2 && nums[0].Digits <= 2: // 01/2523
                    year = nums[1];
                    month = nums[0].Value;
                    break;
                case 3 when nums[0].Digits == 4: // ISO y-m-d, also y/m/d
                    year = nums[0];
                    month = nums[1].Value;
                    day = nums[2].Value;
                    if (nums[1].Digits > 2) return DateProblem.MonthOutOfRange;
                    if (nums[2].Digits > 2) return DateProblem.DayOutOfRange;
                    break;
                case 3:
                    var (d, m) = convention.Order == DateOrder.DayMonthYear ? (nums[0], nums[1]) : (nums[1], nums[0]);
                    if (m.Digits > 2) return DateProblem.MonthOutOfRange;
                    if (d.Digits > 2) return DateProblem.DayOutOfRange;
                    day = d.Value;
                    month = m.Value;
                    year = nums[2];
                    break;
                default:
                    return DateProblem.Unrecognised;
            }
            // "00/00/2523": registries write 0 for an unknown day or month.
            if (month == 0 && day != 0) return DateProblem.MonthOutOfRange;
        }

        var problem = ResolveYear(year, era, convention, out var ceYear);
        if (problem != DateProblem.None) return problem;
        if (month > 12) return DateProblem.MonthOutOfRange;
        if (day > 31) return DateProblem.DayOutOfRange;
        if (month == 0)
        {
            date = new PartialDate(ceYear);
            return DateProblem.None;
        }
        if (day == 0)
        {
            date = new PartialDate(ceYear, month);
            return DateProblem.None;
        }
        if (day > DateTime.DaysInMonth(ceYear, month))
        {
            return month == 2 && day == 29 ? DateProblem.NotALeapYear : DateProblem.DayNotInMonth;
        }
        date = new PartialDate(ceYear, month, day);
        return DateProblem.None;
    }

    private static bool LooksLikeYear(int value) => value is >= MinYear and <= MaxYear || value is >= MinYear + 543 and <= MaxYear + 543;

    private static DateProblem ResolveYear(Token year, Era era, DateConvention convention, out int ceYear)
    {
        ceYear = 0;
        switch (year.Digits)
        {
            case 4:
                ceYear = era switch
                {
                    Era.Buddhist => year.Value - 543,
                    Era.Common => year.Value,
                    _ => year.Value > 2400 ? year.Value - 543 : year.Value,
                };
                break;
            case 2:
                var buddhist = era == Era.Buddhist || (era == Era.Unknown && convention.TwoDigitYearsAreBuddhist);
                ceYear = buddhist ? 2500 + year.Value - 543 : 2000 + year.Value;
                if (ceYear > convention.TwoDigitYearPivot) ceYear -= 100;
                break;
            default:
                return DateProblem.YearOutOfRange;
        }
        return ceYear is < MinYear or > MaxYear ? DateProblem.YearOutOfRange : DateProblem.None;
    }
}

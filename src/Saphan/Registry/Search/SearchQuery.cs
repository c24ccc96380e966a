using System.Globalization;
using Saphan.Linkage.Normalisation;

namespace Saphan.Registry.Search;

/// <summary>
/// What an officer typed in the one search box, read into its parts: a national ID (dashes, spaces and Thai digits
/// allowed), a date of birth in either era ("29/2/2567", "29/2/2024", "29 ก.พ. 2567", a year "2567" or "1960"),
/// a house number with a subdistrict or district name ("12/3 แขวงจอมพล", "99 จตุจักร"), and name words (a title is
/// taken off: "นายสมศักดิ์ ใจดี"). Words next to a house number are place names only if the gazetteer knows them,
/// which <see cref="PeopleSearch"/> decides.
/// </summary>
public sealed record SearchQuery
{
    /// <summary>Fewer characters than this (spaces not counted) is not a query: there is no list of everyone.</summary>
    public const int MinimumLength = 2;

    private static readonly string[] PlacePrefixes = ["แขวง", "เขต", "ถนน", "ถ.", "ซอย", "ซ."];

    public string Text { get; private init; } = "";
    public bool IsTooShort { get; private init; }
    public CitizenId? CitizenId { get; private init; }
    public PartialDate? BirthDate { get; private init; }
    public string? HouseNumber { get; private init; }

    /// <summary>Words written as places ("แขวงจอมพล" → "จอมพล").</summary>
    public IReadOnlyList<string> Places { get; private init; } = [];

    /// <summary>The other words, in order: names, or place names after a house number.</summary>
    public IReadOnlyList<string> Words { get; private init; } = [];

    public static SearchQuery Parse(string? text)
    {
        var normal = ThaiText.Normalise(text ?? "");
        // LIKE wildcards are never part of a name; dropping them keeps every pattern literal.
        normal = ThaiText.Normalise(new string(normal.Where(c => c is not ('%' or '_' or '\\' or '[' or ']')).ToArray()));
        var compact = normal.Count(c => c != ' ');
        if (compact < MinimumLength) return new SearchQuery { Text = normal, IsTooShort = true };

        var withoutSeparators = new string(normal.Where(c => c is not (' ' or '-')).ToArray());
        if (withoutSeparators.Length == 13 && withoutSeparators.All(char.IsAsciiDigit))
            return new SearchQuery { Text = normal, CitizenId = Linkage.Normalisation.CitizenId.Parse(withoutSeparators) };

        // The whole box as one date: "29 ก.พ. 2567", "29/2/2024", "2567". A short number is a house number, not a date.
        if (normal.Any(char.IsAsciiDigit) && !IsHouseNumber(normal) && ThaiDateParser.TryParse(normal, DateConvention.Thai, out var whole, out _)
            && (whole.Precision != DatePrecision.Month || normal.Any(c => ThaiText.IsThai(c) || char.IsAsciiLetter(c))))
            return new SearchQuery { Text = normal, BirthDate = whole };

        CitizenId? id = null;
        PartialDate? born = null;
        string? house = null;
        var places = new List<string>();
        var words = new List<string>();
        foreach (var token in normal.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var digits = token.Replace("-", "", StringComparison.Ordinal);
            if (digits.Length == 13 && digits.All(char.IsAsciiDigit)) id = Linkage.Normalisation.CitizenId.Parse(digits);
            else if (IsFullDate(token) && ThaiDateParser.TryParse(token, DateConvention.Thai, out var day, out _)) born = day;
            else if (IsYear(token)) born = new PartialDate(ToCeYear(int.Parse(token, CultureInfo.InvariantCulture)));
            else if (IsHouseNumber(token)) house = token;
            else if (PlacePrefixes.FirstOrDefault(p => token.StartsWith(p, StringComparison.Ordinal) && token.Length > p.Length) is { } prefix)
                places.Add(token[prefix.Length..]);
            else words.Add(token);
        }
        return new SearchQuery { Text = normal, CitizenId = id, BirthDate = born, HouseNumber = house, Places = places, Words = words };
    }

    /// <summary>The name in the words, title taken off and split into given and family name (Latin upper-cased).</summary>
    public PersonName NameIn(IEnumerable<string> words)
    {
        var text = string.Join(' ', words);
        return text.Length == 0 ? PersonName.Empty : ThaiName.Parse(text);
    }

    /// <summary>"12", "12/3", "99/120", "45ก": digits first, at most one slash; not a four-digit year.</summary>
    internal static bool IsHouseNumber(string token)
    {
        if (token.Length == 0 || !char.IsAsciiDigit(token[0]) || token.Length > 12 || IsYear(token)) return false;
        var slash = token.IndexOf('/');
        if (slash >= 0 && (token.IndexOf('/', slash + 1) >= 0 || slash == token.Length - 1)) return false;
        return token.All(c => char.IsAsciiDigit(c) || c == '/' || ThaiText.IsThaiConsonant(c));
    }

    /// <summary>Three numbers separated by / - or .: "29/2/2567", "29-02-67", "1960-03-15".</summary>
    private static bool IsFullDate(string token)
    {
        var parts = token.Split('/', '-', '.');
        return parts.Length == 3 && parts.All(p => p.Length is >= 1 and <= 4 && p.All(char.IsAsciiDigit));
    }

    /// <summary>A four-digit year a living person may be born in: 1900–2100 CE or 2443–2643 BE.</summary>
    private static bool IsYear(string token) =>
        token.Length == 4 && token.All(char.IsAsciiDigit) && int.Parse(token, CultureInfo.InvariantCulture) is >= 1900 and <= 2100 or >= 2443 and <= 2643;

    private static int ToCeYear(int year) => year > 2400 ? year - ThaiDates.BuddhistEraOffset : year;
}

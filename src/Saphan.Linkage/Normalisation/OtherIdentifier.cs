namespace Saphan.Linkage.Normalisation;

/// <summary>What kind of identifier a non-citizen-ID value looks like.</summary>
public enum OtherIdentifierKind
{
    /// <summary>Nothing recognisable (too short, mixed symbols).</summary>
    Unknown,

    /// <summary>Letters and digits, 6–12 characters, at least one letter and one digit: a passport or travel document number.</summary>
    PassportLike,

    /// <summary>
    /// A 13-digit DOPA number whose first digit is 0, 6 or 7: issued to people without Thai nationality or civil-registration status
    /// (alien and migrant cards, stateless people, children of migrants). The same person may carry a Thai ID later.
    /// </summary>
    NonThaiStatusNumber,

    /// <summary>A 13-digit number that starts with another digit: it belongs in the citizen ID field.</summary>
    ThaiCitizenNumber,

    /// <summary>Digits only, but not 13 of them.</summary>
    OtherNumber,
}

/// <summary>
/// An identifier that is not a Thai citizen ID (passport, alien or migrant card numbers), cleaned and classified.
/// Kept apart from <see cref="CitizenId"/>: two people from different countries can share a passport number format,
/// and a non-Thai status number is not evidence of the same person as a Thai ID.
/// </summary>
public readonly record struct OtherIdentifier(string Value, OtherIdentifierKind Kind)
{
    /// <summary>
    /// Upper-cases letters, turns Thai digits into ASCII and drops separators (space, dash, dot, slash), then classifies.
    /// Never throws on content; an empty value is <see cref="OtherIdentifierKind.Unknown"/>.
    /// </summary>
    public static OtherIdentifier Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var n = 0;
        int letters = 0, digits = 0, others = 0;
        foreach (var raw in text)
        {
            var c = raw;
            if (c is '-' or ' ' or '.' or '/' or '\u00A0' or '\t') continue;
            if (c is >= '๐' and <= '๙') c = (char)('0' + (c - '๐'));
            if (c is >= 'a' and <= 'z') c = (char)(c - 32);
            if (c is >= '0' and <= '9') digits++;
            else if (c is >= 'A' and <= 'Z') letters++;
            else others++;
            if (n < buffer.Length) buffer[n++] = c;
        }
        var value = new string(buffer[..n]);
        OtherIdentifierKind kind;
        if (others > 0 || n == 0) kind = OtherIdentifierKind.Unknown;
        else if (letters == 0 && n == 13) kind = value[0] is '0' or '6' or '7' ? OtherIdentifierKind.NonThaiStatusNumber : OtherIdentifierKind.ThaiCitizenNumber;
        else if (letters == 0) kind = OtherIdentifierKind.OtherNumber;
        else if (digits > 0 && n is >= 6 and <= 12) kind = OtherIdentifierKind.PassportLike;
        else kind = OtherIdentifierKind.Unknown;
        return new OtherIdentifier(value, kind);
    }

    /// <summary>True for a 13-digit citizen ID whose first digit marks a person without Thai status (0, 6 or 7).</summary>
    public static bool IsNonThaiStatus(CitizenId id) => id.Digits.Length == 13 && id.Digits[0] is '0' or '6' or '7';

    public override string ToString() => Value;
}

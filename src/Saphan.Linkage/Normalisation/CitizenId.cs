namespace Saphan.Linkage.Normalisation;

/// <summary>
/// A Thai 13-digit national ID number (เลขประจำตัวประชาชน) as it was given, cleaned of separators.
/// An invalid number is kept and flagged, never rejected: agency files contain typos, and a record
/// with a wrong ID is still a record of a person.
/// </summary>
public readonly record struct CitizenId
{
    private CitizenId(string digits, CitizenIdProblem problem)
    {
        Digits = digits;
        Problem = problem;
    }

    /// <summary>The digits as given (ASCII, separators removed). May be shorter or longer than 13 when invalid.</summary>
    public string Digits { get; }

    public CitizenIdProblem Problem { get; }

    public bool IsValid => Problem == CitizenIdProblem.None;

    /// <summary>Cleans <paramref name="text"/> (Thai digits, dashes, spaces) and checks length, first digit and check digit.</summary>
    public static CitizenId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var n = 0;
        var foreign = false;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9') { if (n < buffer.Length) buffer[n++] = c; }
            else if (c is >= '๐' and <= '๙') { if (n < buffer.Length) buffer[n++] = (char)('0' + (c - '๐')); }
            else if (c is '-' or ' ' or '.' or '/' or '\u00A0' or '\t') { }
            else foreign = true;
        }
        var digits = new string(buffer[..n]);
        if (foreign || n == 0) return new CitizenId(digits, CitizenIdProblem.NotDigits);
        if (n != 13) return new CitizenId(digits, CitizenIdProblem.WrongLength);
        if (digits[0] == '0') return new CitizenId(digits, CitizenIdProblem.StartsWithZero);
        return new CitizenId(digits, CheckDigit(digits) == digits[12] - '0' ? CitizenIdProblem.None : CitizenIdProblem.BadCheckDigit);
    }

    /// <summary>x = Σ(14−i)·dᵢ for i = 1..12, mod 11; the check digit is (11 − x) mod 10.</summary>
    public static int CheckDigit(ReadOnlySpan<char> first12)
    {
        if (first12.Length < 12) throw new ArgumentException("Needs 12 digits.", nameof(first12));
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (13 - i) * (first12[i] - '0');
        return (11 - sum % 11) % 10;
    }

    /// <summary>Conventional display: X-XXXX-XXXXX-XX-X for 13 digits, the raw digits otherwise.</summary>
    public string Formatted => Digits.Length == 13
        ? $"{Digits[0]}-{Digits[1..5]}-{Digits[5..10]}-{Digits[10..12]}-{Digits[12]}"
        : Digits;

    /// <summary>Shows only the last four digits, for screens where the full number is not needed.</summary>
    public string Masked => Digits.Length >= 4 ? new string('x', Digits.Length - 4) + Digits[^4..] : Digits;

    public override string ToString() => Digits;
}

public enum CitizenIdProblem
{
    None,
    NotDigits,
    WrongLength,
    StartsWithZero,
    BadCheckDigit,
}

namespace Saphan.Access.Account;

/// <summary>The work phone number on a user's profile: Thai numbers as officers type them (02 123 4567, 081-234-5678, +66 81 234 5678).</summary>
public static class WorkPhone
{
    /// <summary>
    /// The number trimmed and with runs of spaces collapsed, "" for none, or null when it is not a phone number:
    /// only digits, spaces, hyphens, parentheses and a leading +, with 9 to 15 digits (a Bangkok landline has 9,
    /// a mobile 10, an international number at most 15).
    /// </summary>
    public static string? Clean(string? typed)
    {
        var text = string.Join(' ', (typed ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (text.Length == 0) return "";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' || (c == '+' && i == 0))) return null;
        }
        var digits = text.Count(char.IsAsciiDigit);
        return digits is >= 9 and <= 15 ? text : null;
    }
}

namespace Saphan.Linkage.Model;

/// <summary>
/// Jaro–Winkler similarity on already normalised strings, compared code unit by code unit (ordinal).
/// Written for the hot loop: no allocation for strings up to 128 characters.
/// </summary>
public static class JaroWinkler
{
    private const double PrefixScale = 0.1;
    private const int MaxPrefix = 4;

    /// <summary>Similarity in [0, 1]; 1 for equal strings, 0 when either is empty.</summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        if (a.SequenceEqual(b)) return 1;
        var jaro = Jaro(a, b);
        var prefix = 0;
        var limit = Math.Min(MaxPrefix, Math.Min(a.Length, b.Length));
        while (prefix < limit && a[prefix] == b[prefix]) prefix++;
        return jaro + prefix * PrefixScale * (1 - jaro);
    }

    /// <summary>The Jaro similarity: matches within a window, corrected for transpositions.</summary>
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        if (a.Length > b.Length)
        {
            var t = a;
            a = b;
            b = t;
        }
        var window = Math.Max(0, b.Length / 2 - 1);
        Span<bool> matchedB = b.Length <= 128 ? stackalloc bool[b.Length] : new bool[b.Length];
        Span<char> matchedA = a.Length <= 128 ? stackalloc char[a.Length] : new char[a.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(b.Length - 1, i + window);
            for (var j = lo; j <= hi; j++)
            {
                if (matchedB[j] || a[i] != b[j]) continue;
                matchedB[j] = true;
                matchedA[matches++] = a[i];
                break;
            }
        }
        if (matches == 0) return 0;
        var transpositions = 0;
        var k = 0;
        for (var j = 0; j < b.Length; j++)
        {
            if (!matchedB[j]) continue;
            if (b[j] != matchedA[k]) transpositions++;
            k++;
        }
        double m = matches;
        return (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
    }
}

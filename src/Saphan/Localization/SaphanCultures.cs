using System.Globalization;

namespace Saphan.Localization;

/// <summary>
/// The two UI cultures. Thai is the default. Both use the Gregorian calendar for formatting so that nothing
/// parses or prints a Buddhist-era year by accident (th-TH's default calendar shifts years by 543); the Buddhist
/// era is shown explicitly by <see cref="Saphan.Linkage.Normalisation.ThaiDates"/>-style formatting in <see cref="DateText"/>.
/// </summary>
public static class SaphanCultures
{
    public static readonly CultureInfo Thai = Gregorian("th-TH");
    public static readonly CultureInfo English = Gregorian("en-GB");
    public static readonly CultureInfo[] All = [Thai, English];

    /// <summary>Collation for sorting Thai names for display (ordinal order is wrong for Thai).</summary>
    public static readonly StringComparer ThaiSort = StringComparer.Create(CultureInfo.GetCultureInfo("th-TH"), CompareOptions.None);

    public static bool IsThai(CultureInfo culture) => culture.TwoLetterISOLanguageName == "th";

    public static CultureInfo Find(string? name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
                                || string.Equals(c.TwoLetterISOLanguageName, name, StringComparison.OrdinalIgnoreCase)) ?? Thai;

    private static CultureInfo Gregorian(string name)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        culture.DateTimeFormat.Calendar = new GregorianCalendar();
        return CultureInfo.ReadOnly(culture);
    }
}

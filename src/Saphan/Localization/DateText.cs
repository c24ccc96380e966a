using System.Globalization;
using Saphan.Linkage.Normalisation;

namespace Saphan.Localization;

/// <summary>Dates as a user reads and types them: Buddhist era in Thai (29 ก.พ. 2567), CE in English (29 Feb 2024).</summary>
public static class DateText
{
    public static string Show(DateOnly date, CultureInfo? culture = null) =>
        SaphanCultures.IsThai(culture ?? CultureInfo.CurrentUICulture) ? ThaiDates.FormatThai(date) : ThaiDates.FormatEnglish(date);

    public static string Show(DateOnly? date, CultureInfo? culture = null) => date is { } d ? Show(d, culture) : "–";

    /// <summary>A date of birth shown with its precision: a year-only date shows only the year (in the user's era).</summary>
    public static string ShowBirth(DateOnly? date, DatePrecision precision, CultureInfo? culture = null)
    {
        if (date is not { } d) return "–";
        var thai = SaphanCultures.IsThai(culture ?? CultureInfo.CurrentUICulture);
        return precision == DatePrecision.Year ? (thai ? $"พ.ศ. {d.Year + 543}" : d.Year.ToString(CultureInfo.InvariantCulture)) : Show(d, culture);
    }

    public static string Show(DateTimeOffset instant, CultureInfo? culture = null)
    {
        // Bangkok time (UTC+7, no daylight saving) for display; instants are stored in UTC.
        var local = instant.ToOffset(BangkokTime.Offset);
        return $"{Show(DateOnly.FromDateTime(local.DateTime), culture)} {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    public static bool TryParse(string text, out DateOnly date, CultureInfo? culture = null) =>
        ThaiDates.TryParseInput(text, SaphanCultures.IsThai(culture ?? CultureInfo.CurrentUICulture), out date);

    public static string Number(int value, CultureInfo? culture = null) => value.ToString("N0", culture ?? CultureInfo.CurrentCulture);
}

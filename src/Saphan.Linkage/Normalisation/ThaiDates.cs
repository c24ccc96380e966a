using System.Globalization;

namespace Saphan.Linkage.Normalisation;

/// <summary>Month names used for reading and writing dates.</summary>
internal static class ThaiMonths
{
    public static readonly string[] Long =
    [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ];

    /// <summary>Spoken short forms, also written in forms: มกรา, กุมภา …</summary>
    public static readonly string[] Short =
    [
        "มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา",
        "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา",
    ];

    public static readonly string[] Abbreviation =
    [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ];

    public static readonly string[] English =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    public static readonly string[] EnglishAbbreviation =
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
}

/// <summary>
/// Dates for people to read and type, in Thai (Buddhist-era years) or English. Independent of the current culture:
/// the same output under th-TH and en-US. The Buddhist era is a display matter only; dates are stored in CE.
/// </summary>
public static class ThaiDates
{
    /// <summary>The offset from a CE year to a Buddhist-era year.</summary>
    public const int BuddhistEraOffset = 543;

    /// <summary>"29 ก.พ. 2567".</summary>
    public static string FormatThai(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {ThaiMonths.Abbreviation[date.Month - 1]} {date.Year + BuddhistEraOffset}");

    /// <summary>"29 กุมภาพันธ์ 2567".</summary>
    public static string FormatThaiLong(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {ThaiMonths.Long[date.Month - 1]} {date.Year + BuddhistEraOffset}");

    /// <summary>"29 Feb 2024".</summary>
    public static string FormatEnglish(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {ThaiMonths.EnglishAbbreviation[date.Month - 1]} {date.Year}");

    /// <summary>A date of birth as precise as it is known: "29 ก.พ. 2567", "ก.พ. 2567" or "2567".</summary>
    public static string FormatThai(PartialDate date) => date.Precision switch
    {
        DatePrecision.Day => FormatThai(date.ToDateOnly()!.Value),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{ThaiMonths.Abbreviation[date.Month!.Value - 1]} {date.Year + BuddhistEraOffset}"),
        _ => (date.Year + BuddhistEraOffset).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A date of birth as precise as it is known: "29 Feb 2024", "Feb 2024" or "2024".</summary>
    public static string FormatEnglish(PartialDate date) => date.Precision switch
    {
        DatePrecision.Day => FormatEnglish(date.ToDateOnly()!.Value),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{ThaiMonths.EnglishAbbreviation[date.Month!.Value - 1]} {date.Year}"),
        _ => date.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// What an officer types in a date box: "29/2/2567", "29-02-67", "29 ก.พ. 2567", "29 กุมภาพันธ์ 2567", "2567-02-29", "29 Feb 2024".
    /// Day before month; a four-digit year above 2400 is Buddhist era; a two-digit year is Buddhist era when <paramref name="thai"/>
    /// and CE otherwise. Only a full date is accepted.
    /// </summary>
    public static bool TryParseInput(string? text, bool thai, out DateOnly date) => TryParseInput(text, thai, out date, out _);

    /// <inheritdoc cref="TryParseInput(string?, bool, out DateOnly)"/>
    /// <param name="problem">Why the text was refused; <see cref="DateProblem.Unrecognised"/> for a month or year without a day.</param>
    public static bool TryParseInput(string? text, bool thai, out DateOnly date, out DateProblem problem)
    {
        date = default;
        var convention = thai ? DateConvention.Thai : DateConvention.DayMonthYearCe;
        if (!ThaiDateParser.TryParse(text, convention, out var partial, out problem)) return false;
        if (partial.ToDateOnly() is not { } full)
        {
            problem = DateProblem.Unrecognised;
            return false;
        }
        date = full;
        return true;
    }
}

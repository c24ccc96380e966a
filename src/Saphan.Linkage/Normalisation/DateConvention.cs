namespace Saphan.Linkage.Normalisation;

/// <summary>The order of day and month when a date is written with numbers only (a year written first is always y-m-d).</summary>
public enum DateOrder
{
    DayMonthYear,
    MonthDayYear,
}

/// <summary>
/// How a source writes dates: the order of day and month, and which era a two-digit year is in.
/// A four-digit year above 2400 is always Buddhist era (BE = CE + 543), unless the text says ค.ศ./CE; "พ.ศ."/"BE" in the text forces BE.
/// </summary>
public sealed record DateConvention
{
    public DateOrder Order { get; init; } = DateOrder.DayMonthYear;

    /// <summary>True when a two-digit year is a Buddhist-era year ("67" = 2567 = 2024), as in most Thai agency files.</summary>
    public bool TwoDigitYearsAreBuddhist { get; init; } = true;

    /// <summary>
    /// The latest CE year a two-digit year may stand for: "67" is put in the century that makes it no later than this.
    /// A fixed default (not the clock) so that the same file always reads the same; set it to the current year for live data.
    /// </summary>
    public int TwoDigitYearPivot { get; init; } = 2030;

    /// <summary>d/m/y, two-digit years in BE: the usual Thai agency file.</summary>
    public static DateConvention Thai { get; } = new();

    /// <summary>d/m/y, two-digit years in CE.</summary>
    public static DateConvention DayMonthYearCe { get; } = new() { TwoDigitYearsAreBuddhist = false };

    /// <summary>m/d/y, two-digit years in CE (exports from US-configured spreadsheets).</summary>
    public static DateConvention MonthDayYearCe { get; } = new() { Order = DateOrder.MonthDayYear, TwoDigitYearsAreBuddhist = false };
}

/// <summary>Why a date could not be read. <see cref="None"/> when it was.</summary>
public enum DateProblem
{
    None,

    /// <summary>Nothing but spaces or a dash.</summary>
    Empty,

    /// <summary>Not a shape of date this parser knows (words it does not know, too many or too few numbers).</summary>
    Unrecognised,

    /// <summary>The year is outside 1800–2200 CE after conversion, or has 3 or more than 4 digits.</summary>
    YearOutOfRange,

    /// <summary>Month 13 or more.</summary>
    MonthOutOfRange,

    /// <summary>Day above 31 (day 64).</summary>
    DayOutOfRange,

    /// <summary>A day the month does not have: 30 February, 31 April.</summary>
    DayNotInMonth,

    /// <summary>29 February in a year that is not a leap year (checked on the CE year).</summary>
    NotALeapYear,
}

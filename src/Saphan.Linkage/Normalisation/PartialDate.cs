namespace Saphan.Linkage.Normalisation;

/// <summary>
/// A date of birth as precise as the source gave it: a full date, a month and year, or a year only.
/// Always Gregorian (CE); a Buddhist-era year is converted when parsed.
/// </summary>
public readonly record struct PartialDate(int Year, int? Month = null, int? Day = null)
{
    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    public static PartialDate From(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>A stored date (its first day when partial) back with the precision it was known to.</summary>
    public static PartialDate From(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => new PartialDate(date.Year),
        DatePrecision.Month => new PartialDate(date.Year, date.Month),
        _ => From(date),
    };

    /// <summary>The full date when the precision is a day; otherwise null.</summary>
    public DateOnly? ToDateOnly() => Day is { } d && Month is { } m ? new DateOnly(Year, m, d) : null;

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => $"{Year:0000}-{Month:00}-{Day:00}",
        DatePrecision.Month => $"{Year:0000}-{Month:00}",
        _ => $"{Year:0000}",
    };
}

public enum DatePrecision
{
    Year,
    Month,
    Day,
}

using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class ThaiDateParserTests
{
    [Theory]
    [InlineData("15/1/2523", 1980, 1, 15)]
    [InlineData("15/01/2523", 1980, 1, 15)]
    [InlineData("15-01-2523", 1980, 1, 15)]
    [InlineData("15.01.2523", 1980, 1, 15)]
    [InlineData("15 01 2523", 1980, 1, 15)]
    [InlineData("15/1/1980", 1980, 1, 15)]
    [InlineData("15/1/23", 1980, 1, 15)]            // two-digit BE year
    [InlineData("1/1/67", 2024, 1, 1)]
    [InlineData("1/1/99", 1956, 1, 1)]             // 2599 would be after the pivot: 2499
    [InlineData("2523-01-15", 1980, 1, 15)]
    [InlineData("1980-01-15", 1980, 1, 15)]
    [InlineData("1980/01/15", 1980, 1, 15)]
    [InlineData("1980-01-15 00:00:00", 1980, 1, 15)]
    [InlineData("1980-01-15T08:30", 1980, 1, 15)]
    [InlineData("15/1/2523 0:00", 1980, 1, 15)]
    [InlineData("19800115", 1980, 1, 15)]
    [InlineData("25230115", 1980, 1, 15)]
    [InlineData("15012523", 1980, 1, 15)]
    [InlineData("๑๕/๐๑/๒๕๒๓", 1980, 1, 15)]
    [InlineData("15 มกราคม 2523", 1980, 1, 15)]
    [InlineData("15 ม.ค. 2523", 1980, 1, 15)]
    [InlineData("15 ม.ค.2523", 1980, 1, 15)]
    [InlineData("15ม.ค.23", 1980, 1, 15)]
    [InlineData("15 มค 2523", 1980, 1, 15)]
    [InlineData("15 มกรา 2523", 1980, 1, 15)]
    [InlineData("วันที่ 15 เดือนมกราคม พ.ศ. 2523", 1980, 1, 15)]
    [InlineData("๑๕ ม.ค. ๒๕๒๓", 1980, 1, 15)]
    [InlineData("29 ก.พ. 2567", 2024, 2, 29)]
    [InlineData("1 มี.ค. 2500", 1957, 3, 1)]
    [InlineData("5 เม.ย. 2530", 1987, 4, 5)]
    [InlineData("5 พ.ค. 2530", 1987, 5, 5)]
    [InlineData("5 มิ.ย. 2530", 1987, 6, 5)]
    [InlineData("5 ก.ค. 2530", 1987, 7, 5)]
    [InlineData("5 กรกฏาคม 2530", 1987, 7, 5)]      // common misspelling
    [InlineData("5 ส.ค. 2530", 1987, 8, 5)]
    [InlineData("5 ก.ย. 2530", 1987, 9, 5)]
    [InlineData("5 ต.ค. 2530", 1987, 10, 5)]
    [InlineData("5 พ.ย. 2530", 1987, 11, 5)]
    [InlineData("31 ธ.ค. 2530", 1987, 12, 31)]
    [InlineData("31 ธันวาคม 2530", 1987, 12, 31)]
    [InlineData("January 15, 1980", 1980, 1, 15)]
    [InlineData("15 January 1980", 1980, 1, 15)]
    [InlineData("15-Jan-1980", 1980, 1, 15)]
    [InlineData("15th September 1980", 1980, 9, 15)]
    [InlineData("15 Sept 1980", 1980, 9, 15)]
    [InlineData("15 ม.ค. ค.ศ. 1980", 1980, 1, 15)]
    [InlineData("15 ม.ค. พ.ศ. 2400", 1857, 1, 15)]   // พ.ศ. forces BE even at or below 2400
    public void FullDates(string text, int year, int month, int day)
    {
        Assert.True(ThaiDateParser.TryParse(text, DateConvention.Thai, out var date, out var problem), problem.ToString());
        Assert.Equal(DateProblem.None, problem);
        Assert.Equal(new PartialDate(year, month, day), date);
        Assert.Equal(DatePrecision.Day, date.Precision);
    }

    [Theory]
    [InlineData("2510", 1967, null)]
    [InlineData("1967", 1967, null)]
    [InlineData("พ.ศ. 2510", 1967, null)]
    [InlineData("ม.ค. 2510", 1967, 1)]
    [InlineData("มกราคม 2510", 1967, 1)]
    [InlineData("Jan 1967", 1967, 1)]
    [InlineData("03/2510", 1967, 3)]
    [InlineData("3/1967", 1967, 3)]
    [InlineData("1967-03", 1967, 3)]
    [InlineData("00/03/2510", 1967, 3)]      // unknown day written as 0
    [InlineData("00/00/2510", 1967, null)]   // unknown day and month
    [InlineData("2510-00-00", 1967, null)]
    [InlineData("0 0 2510", 1967, null)]
    public void PartialDates_KeepTheirPrecision(string text, int year, int? month)
    {
        Assert.True(ThaiDateParser.TryParse(text, DateConvention.Thai, out var date, out var problem), problem.ToString());
        Assert.Equal(new PartialDate(year, month), date);
        Assert.Equal(month is null ? DatePrecision.Year : DatePrecision.Month, date.Precision);
    }

    [Theory]
    [InlineData("15/13/2523", DateProblem.MonthOutOfRange)]
    [InlineData("64/01/2523", DateProblem.DayOutOfRange)]
    [InlineData("32 ม.ค. 2523", DateProblem.DayOutOfRange)]
    [InlineData("30/2/2523", DateProblem.DayNotInMonth)]
    [InlineData("31/4/2530", DateProblem.DayNotInMonth)]
    [InlineData("29/2/2566", DateProblem.NotALeapYear)]      // 2023
    [InlineData("29/2/1900", DateProblem.NotALeapYear)]      // century rule
    [InlineData("2523-13-01", DateProblem.MonthOutOfRange)]
    [InlineData("1980-02-30", DateProblem.DayNotInMonth)]
    [InlineData("15/1/1700", DateProblem.YearOutOfRange)]
    [InlineData("15/1/3000", DateProblem.YearOutOfRange)]
    [InlineData("15/1/2300", DateProblem.YearOutOfRange)]    // neither a plausible CE nor a BE year
    [InlineData("15/1/198", DateProblem.YearOutOfRange)]
    [InlineData("15 ม.ค. ค.ศ. 2523", DateProblem.YearOutOfRange)] // CE forced: 2523 CE is out of range
    [InlineData("5/0/2523", DateProblem.MonthOutOfRange)]    // a day without a month
    [InlineData("", DateProblem.Empty)]
    [InlineData("   ", DateProblem.Empty)]
    [InlineData("-", DateProblem.Empty)]
    [InlineData(null, DateProblem.Empty)]
    [InlineData("ไม่ทราบ", DateProblem.Unrecognised)]
    [InlineData("15 ม.ค.", DateProblem.Unrecognised)]        // no year
    [InlineData("67", DateProblem.Unrecognised)]             // too ambiguous alone
    [InlineData("1/2/3/4", DateProblem.Unrecognised)]
    [InlineData("15 ม.ค. ก.พ. 2523", DateProblem.Unrecognised)]
    [InlineData("15/01/2523?", DateProblem.Unrecognised)]
    [InlineData("12:30", DateProblem.Unrecognised)]
    [InlineData("123456789012", DateProblem.Unrecognised)]
    [InlineData("1 2 3 4 5 6 7 8 9", DateProblem.Unrecognised)]
    [InlineData("15 พ.ศ. ค.ศ. 2523", DateProblem.Unrecognised)]
    public void ImpossibleOrUnreadable_GiveAProblem_NotAnException(string? text, DateProblem expected)
    {
        Assert.False(ThaiDateParser.TryParse(text, DateConvention.Thai, out var date, out var problem));
        Assert.Equal(expected, problem);
        Assert.Equal(default, date);
    }

    [Fact]
    public void MonthDayYear_Convention_SwapsDayAndMonth()
    {
        Assert.True(ThaiDateParser.TryParse("1/15/1980", DateConvention.MonthDayYearCe, out var date, out _));
        Assert.Equal(new PartialDate(1980, 1, 15), date);
        Assert.False(ThaiDateParser.TryParse("1/15/1980", DateConvention.Thai, out _, out var problem));
        Assert.Equal(DateProblem.MonthOutOfRange, problem);
    }

    [Fact]
    public void TwoDigitYears_FollowTheConvention()
    {
        Assert.True(ThaiDateParser.TryParse("15/1/80", DateConvention.DayMonthYearCe, out var ce, out _));
        Assert.Equal(1980, ce.Year);
        Assert.True(ThaiDateParser.TryParse("15/1/23", DateConvention.Thai, out var be, out _));
        Assert.Equal(1980, be.Year);
        // "80" in BE is 2580 = 2037 CE, after the 2030 pivot, so 2480 = 1937; in CE it is 1980.
        Assert.True(ThaiDateParser.TryParse("15 jan 80", DateConvention.Thai, out var thai80, out _));
        Assert.Equal(1937, thai80.Year);
        Assert.True(ThaiDateParser.TryParse("15 jan 80", DateConvention.DayMonthYearCe, out var ce80, out _));
        Assert.Equal(1980, ce80.Year);
        var pivot = DateConvention.DayMonthYearCe with { TwoDigitYearPivot = 2020 };
        Assert.True(ThaiDateParser.TryParse("15/1/25", pivot, out var old, out _));
        Assert.Equal(1925, old.Year);
    }

    [Fact]
    public void YearAbove2400_IsBuddhistEra_AtAnyConvention()
    {
        Assert.True(ThaiDateParser.TryParse("15/1/2523", DateConvention.MonthDayYearCe with { Order = DateOrder.DayMonthYear }, out var date, out _));
        Assert.Equal(1980, date.Year);
    }

    [Fact]
    public void FuzzedInput_NeverThrows()
    {
        const string alphabet = "0123456789/-. :มกคพศ.ย๑๙JanFebT,x";
        var random = new Random(7);
        for (var i = 0; i < 20000; i++)
        {
            var chars = new char[random.Next(0, 20)];
            for (var j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            var ok = ThaiDateParser.TryParse(new string(chars), DateConvention.Thai, out var date, out var problem);
            Assert.Equal(ok, problem == DateProblem.None);
            if (ok)
            {
                Assert.InRange(date.Year, ThaiDateParser.MinYear, ThaiDateParser.MaxYear);
                if (date.Day is not null) Assert.NotNull(date.ToDateOnly());
            }
        }
    }
}

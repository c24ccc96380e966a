using System.Globalization;
using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class ThaiDatesTests
{
    public static TheoryData<string> Cultures => ["th-TH", "en-US", "en-GB", ""];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Format_IsIndependentOfTheCurrentCulture(string culture)
    {
        using var _ = new CultureScope(culture);
        var leapDay = new DateOnly(2024, 2, 29);
        Assert.Equal("29 ก.พ. 2567", ThaiDates.FormatThai(leapDay));
        Assert.Equal("29 กุมภาพันธ์ 2567", ThaiDates.FormatThaiLong(leapDay));
        Assert.Equal("29 Feb 2024", ThaiDates.FormatEnglish(leapDay));
        Assert.Equal("1 ม.ค. 2443", ThaiDates.FormatThai(new DateOnly(1900, 1, 1)));
        Assert.Equal("31 Dec 2100", ThaiDates.FormatEnglish(new DateOnly(2100, 12, 31)));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void PartialDates_FormatAtTheirPrecision(string culture)
    {
        using var _ = new CultureScope(culture);
        Assert.Equal("ก.พ. 2567", ThaiDates.FormatThai(new PartialDate(2024, 2)));
        Assert.Equal("2567", ThaiDates.FormatThai(new PartialDate(2024)));
        Assert.Equal("Feb 2024", ThaiDates.FormatEnglish(new PartialDate(2024, 2)));
        Assert.Equal("2024", ThaiDates.FormatEnglish(new PartialDate(2024)));
        Assert.Equal("29 Feb 2024", ThaiDates.FormatEnglish(new PartialDate(2024, 2, 29)));
    }

    [Theory]
    [InlineData("29/2/2567", true)]
    [InlineData("29-02-67", true)]
    [InlineData("29 ก.พ. 2567", true)]
    [InlineData("29 กุมภาพันธ์ 2567", true)]
    [InlineData("2567-02-29", true)]
    [InlineData("๒๙/๒/๒๕๖๗", true)]
    [InlineData("29 Feb 2024", false)]
    [InlineData("29/02/2024", false)]
    [InlineData("2024-02-29", false)]
    [InlineData("29/2/24", false)]
    public void TryParseInput_AcceptsWhatOfficersType(string text, bool thai)
    {
        foreach (var culture in new[] { "th-TH", "en-US" })
        {
            using var _ = new CultureScope(culture);
            Assert.True(ThaiDates.TryParseInput(text, thai, out var date), $"{text} under {culture}");
            Assert.Equal(new DateOnly(2024, 2, 29), date);
        }
    }

    [Theory]
    [InlineData("29/2/2566", DateProblem.NotALeapYear)]
    [InlineData("ก.พ. 2567", DateProblem.Unrecognised)]   // no day
    [InlineData("2567", DateProblem.Unrecognised)]
    [InlineData("31/13/2567", DateProblem.MonthOutOfRange)]
    [InlineData("", DateProblem.Empty)]
    [InlineData("พรุ่งนี้", DateProblem.Unrecognised)]
    public void TryParseInput_RefusesPartialAndImpossibleDates(string text, DateProblem expected)
    {
        Assert.False(ThaiDates.TryParseInput(text, thai: true, out var date, out var problem));
        Assert.Equal(expected, problem);
        Assert.Equal(default, date);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryDayFrom1900To2100_RoundTripsInThaiAndEnglish(string culture)
    {
        // Property over the whole range rather than a sample: 73,414 days, each formatted three ways and read back.
        using var _ = new CultureScope(culture);
        for (var day = new DateOnly(1900, 1, 1); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
        {
            Assert.True(ThaiDates.TryParseInput(ThaiDates.FormatThai(day), thai: true, out var thai) && thai == day, ThaiDates.FormatThai(day));
            Assert.True(ThaiDates.TryParseInput(ThaiDates.FormatThaiLong(day), thai: true, out var thaiLong) && thaiLong == day, ThaiDates.FormatThaiLong(day));
            Assert.True(ThaiDates.TryParseInput(ThaiDates.FormatEnglish(day), thai: false, out var english) && english == day, ThaiDates.FormatEnglish(day));
        }
    }

    /// <summary>Sets the current culture for one test and puts the old one back.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string name)
        {
            CultureInfo.CurrentCulture = new CultureInfo(name);
            CultureInfo.CurrentUICulture = new CultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}

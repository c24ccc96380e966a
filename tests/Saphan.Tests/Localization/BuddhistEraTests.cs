using System.Globalization;
using Saphan.Localization;

namespace Saphan.Tests.Localization;

/// <summary>Buddhist-era display and input round-trip whatever the server culture (th-TH's own calendar is Buddhist).</summary>
public sealed class BuddhistEraTests
{
    public static readonly TheoryData<string> ServerCultures = new() { "th-TH", "en-US", "", "de-DE" };

    private static T UnderCulture<T>(string name, Func<T> action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }
    }

    [Theory]
    [MemberData(nameof(ServerCultures))]
    public void Leap_day_2567_round_trips_in_thai(string serverCulture)
    {
        var shown = UnderCulture(serverCulture, () => DateText.Show(new DateOnly(2024, 2, 29), SaphanCultures.Thai));
        Assert.Equal("29 ก.พ. 2567", shown);
        var parsed = UnderCulture(serverCulture, () => DateText.TryParse("29 ก.พ. 2567", out var d, SaphanCultures.Thai) ? d : default);
        Assert.Equal(new DateOnly(2024, 2, 29), parsed);
    }

    [Theory]
    [MemberData(nameof(ServerCultures))]
    public void English_shows_and_reads_the_common_era(string serverCulture)
    {
        Assert.Equal("29 Feb 2024", UnderCulture(serverCulture, () => DateText.Show(new DateOnly(2024, 2, 29), SaphanCultures.English)));
        Assert.True(UnderCulture(serverCulture, () => DateText.TryParse("29/2/2024", out var d, SaphanCultures.English) && d == new DateOnly(2024, 2, 29)));
    }

    [Theory]
    [MemberData(nameof(ServerCultures))]
    public void The_year_2568_is_2025(string serverCulture)
    {
        Assert.Equal("พ.ศ. 2568", UnderCulture(serverCulture, () => DateText.ShowBirth(new DateOnly(2025, 1, 1), Linkage.Normalisation.DatePrecision.Year, SaphanCultures.Thai)));
        Assert.True(UnderCulture(serverCulture, () => DateText.TryParse("1/1/2568", out var d, SaphanCultures.Thai) && d == new DateOnly(2025, 1, 1)));
        Assert.True(UnderCulture(serverCulture, () => DateText.TryParse("2568-06-15", out var d, SaphanCultures.Thai) && d.Year == 2025));
    }

    [Theory]
    [InlineData("30 ก.พ. 2567")]
    [InlineData("29/2/2566")]
    [InlineData("32/1/2567")]
    [InlineData("1/13/2567")]
    [InlineData("เมื่อวาน")]
    [InlineData("")]
    public void Impossible_dates_are_refused_not_guessed(string typed) =>
        Assert.False(DateText.TryParse(typed, out _, SaphanCultures.Thai));

    [Fact]
    public void Every_day_of_a_century_round_trips_in_both_languages()
    {
        for (var day = new DateOnly(1950, 1, 1); day < new DateOnly(2050, 1, 1); day = day.AddDays(1))
        {
            Assert.True(DateText.TryParse(DateText.Show(day, SaphanCultures.Thai), out var th, SaphanCultures.Thai) && th == day, day.ToString("O", CultureInfo.InvariantCulture));
            Assert.True(DateText.TryParse(DateText.Show(day, SaphanCultures.English), out var en, SaphanCultures.English) && en == day);
        }
    }

    [Fact]
    public void The_ui_cultures_format_with_the_gregorian_calendar()
    {
        Assert.IsType<GregorianCalendar>(SaphanCultures.Thai.DateTimeFormat.Calendar);
        Assert.Equal("2024-02-29", new DateTime(2024, 2, 29).ToString("yyyy-MM-dd", SaphanCultures.Thai));
    }

    [Fact]
    public void Thai_names_sort_with_thai_collation_not_ordinal()
    {
        string[] names = ["เอกชัย", "ไพศาล", "กมล", "ขวัญ"];
        Assert.Equal(["กมล", "ขวัญ", "ไพศาล", "เอกชัย"], names.Order(SaphanCultures.ThaiSort).ToArray());
    }
}

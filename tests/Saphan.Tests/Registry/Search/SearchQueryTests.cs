using Saphan.Linkage.Normalisation;
using Saphan.Registry.Search;

namespace Saphan.Tests.Registry.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("3-1005-01234-56-7", "3100501234567")]
    [InlineData("3100501234567", "3100501234567")]
    [InlineData("๓๑๐๐๕๐๑๒๓๔๕๖๗", "3100501234567")]
    [InlineData(" 3 1005 01234 56 7 ", "3100501234567")]
    public void A_national_id_is_read_with_dashes_spaces_and_thai_digits(string typed, string digits)
    {
        var query = SearchQuery.Parse(typed);
        Assert.Equal(digits, query.CitizenId?.Digits);
        Assert.Empty(query.Words);
        Assert.Null(query.BirthDate);
    }

    [Theory]
    [InlineData("29/2/2567", 2024, 2, 29)]
    [InlineData("29/2/2024", 2024, 2, 29)]
    [InlineData("๒๙/๒/๒๕๖๗", 2024, 2, 29)]
    [InlineData("29 ก.พ. 2567", 2024, 2, 29)]
    [InlineData("15 มีนาคม 2523", 1980, 3, 15)]
    public void A_date_of_birth_is_read_in_either_era(string typed, int year, int month, int day)
    {
        var query = SearchQuery.Parse(typed);
        Assert.Equal(new PartialDate(year, month, day), query.BirthDate);
        Assert.Null(query.CitizenId);
        Assert.Empty(query.Words);
    }

    [Theory]
    [InlineData("2567", 2024)]
    [InlineData("2024", 2024)]
    [InlineData("2503", 1960)]
    public void A_year_alone_is_a_year_of_birth(string typed, int year)
    {
        var query = SearchQuery.Parse(typed);
        Assert.Equal(new PartialDate(year), query.BirthDate);
        Assert.Equal(DatePrecision.Year, query.BirthDate!.Value.Precision);
    }

    [Fact]
    public void A_name_with_a_year_is_both()
    {
        var query = SearchQuery.Parse("สมศักดิ์ ใจดี 2523");
        Assert.Equal(new PartialDate(1980), query.BirthDate);
        var name = query.NameIn(query.Words);
        Assert.Equal("สมศักดิ์", name.GivenName);
        Assert.Equal("ใจดี", name.FamilyName);
    }

    [Fact]
    public void A_title_is_taken_off_the_name()
    {
        var query = SearchQuery.Parse("นายสมศักดิ์ ใจดี");
        var name = query.NameIn(query.Words);
        Assert.Equal("สมศักดิ์", name.GivenName);
        Assert.Equal("ใจดี", name.FamilyName);
    }

    [Fact]
    public void A_house_number_with_place_words_is_an_address()
    {
        var query = SearchQuery.Parse("12/3 แขวงจอมพล เขตจตุจักร");
        Assert.Equal("12/3", query.HouseNumber);
        Assert.Equal(["จอมพล", "จตุจักร"], query.Places);
        Assert.Empty(query.Words);
        Assert.Null(query.BirthDate);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("12/3")]
    [InlineData("99/120")]
    public void A_short_number_is_a_house_number_not_a_date(string typed)
    {
        var query = SearchQuery.Parse(typed + " จอมพล");
        Assert.Equal(typed, query.HouseNumber);
        Assert.Null(query.BirthDate);
        Assert.Equal(["จอมพล"], query.Words);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ส")]
    [InlineData(" a ")]
    [InlineData("%")]
    [InlineData("ส%_")]
    public void Nothing_or_one_character_is_too_short(string? typed)
    {
        Assert.True(SearchQuery.Parse(typed).IsTooShort);
    }

    [Fact]
    public void Like_wildcards_are_dropped_from_words()
    {
        var query = SearchQuery.Parse("สม%ศักดิ์_");
        Assert.False(query.IsTooShort);
        Assert.Equal(["สมศักดิ์"], query.Words);
    }

    [Theory]
    [InlineData("3-1005-01234-56")] // 12 digits: not an ID, and not a date either
    [InlineData("99/99/2567")]
    public void Numbers_that_are_neither_an_id_nor_a_date_are_not_read_as_one(string typed)
    {
        var query = SearchQuery.Parse(typed);
        Assert.Null(query.CitizenId);
        Assert.Null(query.BirthDate);
    }
}

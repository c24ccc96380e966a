using Saphan.Geography;
using Saphan.Linkage;

namespace Saphan.Tests.Geography;

public class AddressTextTests
{
    [Fact]
    public void A_Thai_address_names_its_subdistrict_and_district_and_writes_each_word_once()
    {
        // Agency files give soi and road with or without their word; demo households store "ซอย 32".
        Assert.Equal("186/51 หมู่ 3 ซอย 32 ถนนสุขุมวิท แขวงคลองตัน เขตคลองเตย 10110",
            AddressText.Format("186/51", "ม.3", "ซอย 32", "ถ.สุขุมวิท", "103302", null, "10110", thai: true));
        Assert.Equal("186/51 หมู่ 3 ซอย 32 ถนนสุขุมวิท แขวงคลองตัน เขตคลองเตย 10110",
            AddressText.Format("186/51", "3", "32", "สุขุมวิท", "103302", "1033", "10110", thai: true));
        Assert.Equal("7 ซอยสุโขทัย 2 แขวงดุสิต เขตดุสิต", AddressText.Format("7", null, "ซ.สุโขทัย 2", null, "100201", null, null, thai: true));
        Assert.Equal("9 ตรอกข้าวสาร แขวงบวรนิเวศ เขตพระนคร", AddressText.Format("9", null, "ตรอกข้าวสาร", null, "100107", null, null, thai: true));
    }

    [Fact]
    public void An_English_address_uses_the_reference_romanisation_of_places()
    {
        Assert.Equal("186/51, Moo 3, Soi 32, สุขุมวิท Road, Khlong Tan, Khlong Toei 10110",
            AddressText.Format("186/51", "หมู่ 3", "ซ. 32", "ถนนสุขุมวิท", "103302", null, "10110", thai: false));
        Assert.Equal("Dusit, Dusit", AddressText.Format(null, null, null, null, "100201", null, null, thai: false));
    }

    [Fact]
    public void Only_a_district_or_only_a_postcode_is_still_an_address()
    {
        Assert.Equal("เขตดุสิต", AddressText.Format(null, null, null, null, null, "1002", null, thai: true));
        Assert.Equal("10300", AddressText.Format(null, null, "  ", "", null, null, "10300", thai: true));
        Assert.Equal("", AddressText.Format(null, null, null, null, null, null, null, thai: true));
    }

    [Fact]
    public void A_place_not_in_the_gazetteer_keeps_what_was_written_and_an_unknown_code_shows_as_it_is()
    {
        var read = new AddressParts { HouseNumber = "5", Road = "ขาว", SubdistrictName = "บางใหม่", DistrictName = "ดุสิต", DistrictCode = "1002" };
        Assert.Equal("5 ถนนขาว แขวงบางใหม่ เขตดุสิต", AddressText.Format(read, thai: true));
        Assert.Equal("เขต 9999", AddressText.Format(null, null, null, null, null, "9999", null, thai: true));
    }

    [Theory]
    [InlineData("1002", true, "ดุสิต")]
    [InlineData("1002", false, "Dusit")]
    [InlineData("1050", true, "บางบอน")]
    [InlineData("4242", true, "4242")]
    [InlineData(null, true, "")]
    public void District_names_come_from_the_reference_districts(string? code, bool thai, string expected) =>
        Assert.Equal(expected, PlaceNames.District(code, thai));
}

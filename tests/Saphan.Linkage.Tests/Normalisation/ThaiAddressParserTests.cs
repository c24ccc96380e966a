using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class ThaiAddressParserTests
{
    [Fact]
    public void FullWords_WithSpaces()
    {
        var a = ThaiAddressParser.Parse("12/3 หมู่ 4 ซอยลาดพร้าว 15 ถนนลาดพร้าว แขวงจอมพล เขตจตุจักร กรุงเทพมหานคร 10900");
        Assert.Equal("12/3", a.HouseNumber);
        Assert.Equal("4", a.Moo);
        Assert.Equal("ลาดพร้าว 15", a.Soi);
        Assert.Equal("ลาดพร้าว", a.Road);
        Assert.Equal("จอมพล", a.SubdistrictName);
        Assert.Equal("จตุจักร", a.DistrictName);
        Assert.Equal("กรุงเทพมหานคร", a.Province);
        Assert.Equal("10900", a.Postcode);
        Assert.Null(a.SubdistrictCode);
    }

    [Fact]
    public void Abbreviations_Glued()
    {
        var a = ThaiAddressParser.Parse("12/3ม.4ซ.ลาดพร้าว15ถ.ลาดพร้าวแขวงจอมพลเขตจตุจักรกทม.10900");
        Assert.Equal("12/3", a.HouseNumber);
        Assert.Equal("4", a.Moo);
        Assert.Equal("ลาดพร้าว15", a.Soi);
        Assert.Equal("ลาดพร้าว", a.Road);
        Assert.Equal("จอมพล", a.SubdistrictName);
        Assert.Equal("จตุจักร", a.DistrictName);
        Assert.Equal("กรุงเทพมหานคร", a.Province);
        Assert.Equal("10900", a.Postcode);
    }

    [Theory]
    [InlineData("884 แขวงถนนพญาไท เขตราชเทวี 10400", "ถนนพญาไท", "ราชเทวี", null, "103702")]
    [InlineData("1433 ซ.ตากสิน 63 ถ.ตากสิน แขวงถนนเพชรบุรี เขตราชเทวี 10400", "ถนนเพชรบุรี", "ราชเทวี", "ตากสิน", "103703")]
    [InlineData("1228 ถ.ลาดพร้าว แขวงคลองถนน เขตสายไหม 10220", "คลองถนน", "สายไหม", "ลาดพร้าว", "104203")]
    [InlineData("831 แขวงทุ่งสองห้อง เขตหลักสี่ 10210", "ทุ่งสองห้อง", "หลักสี่", null, "104101")]
    [InlineData("831แขวงทุ่งสองห้องเขตหลักสี่", "ทุ่งสองห้อง", "หลักสี่", null, "104101")]
    [InlineData("5 ถ.ราชวิถี แขวง ถนนนครไชยศรี เขตดุสิต", "ถนนนครไชยศรี", "ดุสิต", "ราชวิถี", "100206")]
    public void SubdistrictNames_HoldingKeywords_StayWhole(string text, string sub, string district, string? road, string code)
    {
        var a = ThaiAddressParser.Parse(text);
        Assert.Equal((sub, district, road), (a.SubdistrictName, a.DistrictName, a.Road));
        Assert.Null(a.Building);
        Assert.Equal(code, ThaiAddressParser.Parse(text, ReferenceData.BangkokGazetteer).SubdistrictCode);
    }

    [Fact]
    public void AKeywordStandingApartAfterThePlaceName_StillCounts()
    {
        var a = ThaiAddressParser.Parse("แขวงลาดยาว ถ.พหลโยธิน");
        Assert.Equal(("ลาดยาว", "พหลโยธิน"), (a.SubdistrictName, a.Road));
    }

    [Fact]
    public void WithGazetteer_GetsDopaCodes()
    {
        var a = ThaiAddressParser.Parse("๙๙/๑ ถ.พหลโยธิน แขวงลาดยาว เขตจตุจักร กรุงเทพฯ ๑๐๙๐๐", ReferenceData.BangkokGazetteer);
        Assert.Equal("99/1", a.HouseNumber);
        Assert.Equal("พหลโยธิน", a.Road);
        Assert.Equal("103001", a.SubdistrictCode);
        Assert.Equal("1030", a.DistrictCode);
        var parts = a.ToAddressParts();
        Assert.Equal("103001", parts.SubdistrictCode);
        Assert.Equal("1030", parts.DistrictCode);
        Assert.Equal("10900", parts.Postcode);
        Assert.Equal("99/1", parts.HouseNumber);
    }

    [Fact]
    public void TambonAmphoe_AndMisspeltDistrict()
    {
        var a = ThaiAddressParser.Parse("บ้านเลขที่ 5 ต.บางปะกอก อ.ราษฏร์บูรณะ จ.กรุงเทพ", ReferenceData.BangkokGazetteer);
        Assert.Equal("5", a.HouseNumber);
        Assert.Equal("บางปะกอก", a.SubdistrictName);
        Assert.Equal("ราษฏร์บูรณะ", a.DistrictName);
        Assert.Equal("1024", a.DistrictCode);
        Assert.Equal("102402", a.SubdistrictCode);
        Assert.Equal("กรุงเทพมหานคร", a.Province);
    }

    [Fact]
    public void DistrictInferred_FromSubdistrict()
    {
        var a = ThaiAddressParser.Parse("7 แขวงลาดยาว", ReferenceData.BangkokGazetteer);
        Assert.Null(a.DistrictName);
        Assert.Equal("1030", a.DistrictCode);
        Assert.Equal("103001", a.SubdistrictCode);
    }

    [Fact]
    public void PlaceNamesWithoutPrefixes_AreFoundAtTheEndOfTheRoad()
    {
        var a = ThaiAddressParser.Parse("12 ถ.พหลโยธิน ลาดยาว จตุจักร กรุงเทพ 10900", ReferenceData.BangkokGazetteer);
        Assert.Equal("พหลโยธิน", a.Road);
        Assert.Equal("1030", a.DistrictCode);
        Assert.Equal("103001", a.SubdistrictCode);
    }

    [Fact]
    public void VillageEstate_IsNotMoo()
    {
        var a = ThaiAddressParser.Parse("88/8 หมู่บ้านสุขสันต์ หมู่ที่ 2 ถ.รามอินทรา");
        Assert.Equal("สุขสันต์", a.Village);
        Assert.Equal("2", a.Moo);
        Assert.Equal("รามอินทรา", a.Road);
    }

    [Fact]
    public void TrokAndBuilding_AreKept()
    {
        var a = ThaiAddressParser.Parse("อาคารสุขใจ ชั้น 3 ตรอกสาเก ถ.ราชดำเนินกลาง แขวงบวรนิเวศ เขตพระนคร");
        Assert.Equal("ตรอกสาเก", a.Soi);
        Assert.Equal("ราชดำเนินกลาง", a.Road);
        Assert.Contains("อาคารสุขใจ", a.Building);
        Assert.Contains("ชั้น3", a.Building!.Replace(" ", ""), StringComparison.Ordinal);
        Assert.Equal("บวรนิเวศ", a.SubdistrictName);
    }

    [Fact]
    public void DottedAbbreviationsInsideNames_AreNotKeywords()
    {
        // ร.พ. (hospital) after ซ.: the soi keyword is taken, and nothing inside ร.พ.ตำรวจ is.
        var a = ThaiAddressParser.Parse("1 ซ.ร.พ.ตำรวจ ถ.พระราม 1");
        Assert.Equal("ร.พ.ตำรวจ", a.Soi);
        Assert.Equal("พระราม 1", a.Road);
    }

    [Fact]
    public void EnglishBangkok_IsRecognised()
    {
        var a = ThaiAddressParser.Parse("12 ถนนสุขุมวิท เขตวัฒนา Bangkok 10110");
        Assert.Equal("กรุงเทพมหานคร", a.Province);
        Assert.Equal("10110", a.Postcode);
        Assert.Equal("วัฒนา", a.DistrictName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_GivesAnEmptyAddress(string? text)
    {
        var a = ThaiAddressParser.Parse(text);
        Assert.Null(a.HouseNumber);
        Assert.Null(a.Postcode);
        Assert.Null(a.DistrictName);
    }

    [Fact]
    public void UnknownDistrict_GetsNoCode()
    {
        var a = ThaiAddressParser.Parse("1 เขตไม่มีจริง", ReferenceData.BangkokGazetteer);
        Assert.Equal("ไม่มีจริง", a.DistrictName);
        Assert.Null(a.DistrictCode);
    }

    [Fact]
    public void HouseNumberWithSlashAndDash_IsNotAPostcode()
    {
        var a = ThaiAddressParser.Parse("12/34567");
        Assert.Equal("12/34567", a.HouseNumber);
        Assert.Null(a.Postcode);
    }

    [Fact]
    public void FuzzedInput_NeverThrows()
    {
        const string alphabet = "0123456789/ .ม.ซ.ถ.ต.อ.จ.หมู่ซอยถนนแขวงเขตกทม,";
        var random = new Random(11);
        for (var i = 0; i < 5000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            var a = ThaiAddressParser.Parse(new string(chars), ReferenceData.BangkokGazetteer);
            Assert.True(a.Postcode is null || (a.Postcode.Length == 5 && a.Postcode.All(char.IsAsciiDigit)), a.Postcode);
            Assert.True(a.Moo is null || a.Moo.All(char.IsAsciiDigit), a.Moo);
        }
    }
}

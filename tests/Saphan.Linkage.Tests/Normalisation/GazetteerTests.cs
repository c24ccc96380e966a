using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class GazetteerTests
{
    private static Gazetteer Bangkok => ReferenceData.BangkokGazetteer;

    [Fact]
    public void ReferenceFiles_Load_AllFiftyDistricts()
    {
        Assert.Equal(50, Bangkok.Districts.Count);
        Assert.Equal(180, Bangkok.Subdistricts.Count);
        Assert.All(Bangkok.Subdistricts, s => Assert.NotNull(Bangkok.DistrictByCode(s.DistrictCode)));
    }

    [Theory]
    [InlineData("จตุจักร", "1030")]
    [InlineData("เขตจตุจักร", "1030")]
    [InlineData("เขต จตุจักร", "1030")]
    [InlineData("อ.จตุจักร", "1030")]
    [InlineData("Chatuchak", "1030")]
    [InlineData("CHATUCHAK", "1030")]
    [InlineData("1030", "1030")]
    [InlineData("ราษฎร์บูรณะ", "1024")]
    [InlineData("เขตราษฏร์บูรณะ", "1024")]    // ฏ for ฎ, as in the foundation's own population file
    [InlineData("ราษฎร์บูรณ", "1024")]        // a letter missing
    [InlineData("Rat Burana", "1024")]
    [InlineData("ป้อมปราบศัตรูพ่าย", "1008")]
    [InlineData("ป้อมปราบฯ", null)]           // too far from any name: no guess
    [InlineData("เชียงใหม่", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("9999", null)]
    public void MatchDistrict(string? name, string? code) => Assert.Equal(code, Bangkok.MatchDistrict(name)?.Code);

    [Fact]
    public void EveryDistrictAndSubdistrict_MatchesItself_InThaiAndEnglish()
    {
        foreach (var d in Bangkok.Districts)
        {
            Assert.Equal(d.Code, Bangkok.MatchDistrict(d.NameTh)?.Code);
            Assert.Equal(d.Code, Bangkok.MatchDistrict("เขต" + d.NameTh)?.Code);
            Assert.Equal(d.Code, Bangkok.MatchDistrict(d.NameEn)?.Code);
        }
        foreach (var s in Bangkok.Subdistricts)
        {
            Assert.Equal(s.Code, Bangkok.MatchSubdistrict(s.NameTh, s.DistrictCode)?.Code);
            Assert.Equal(s.Code, Bangkok.MatchSubdistrict("แขวง" + s.NameTh, s.DistrictCode)?.Code);
        }
    }

    [Fact]
    public void NoToneMarkTypo_MatchesAnotherDistrict()
    {
        // Dropping one letter from any district name must give that district or nothing, never a neighbour.
        foreach (var d in Bangkok.Districts)
        {
            for (var i = 0; i < d.NameTh.Length; i++)
            {
                var typo = d.NameTh.Remove(i, 1);
                var match = Bangkok.MatchDistrict(typo);
                Assert.True(match is null || match.Code == d.Code, $"{typo} matched {match?.NameTh} instead of {d.NameTh}");
            }
        }
    }

    [Theory]
    [InlineData("บางจาก", null, null, null)]          // two districts have a บางจาก: ambiguous alone
    [InlineData("บางจาก", "1009", null, "100905")]     // within Phra Khanong
    [InlineData("แขวงลาดยาว", null, null, "103001")]
    [InlineData("ต.ลาดยาว", "1030", null, "103001")]
    [InlineData("Lat Yao", null, null, "103001")]
    [InlineData("103001", null, null, "103001")]
    [InlineData("ราษฏร์บูรณะ", "1024", null, "102401")]
    [InlineData("ไม่มีแขวงนี้", null, null, null)]
    public void MatchSubdistrict(string name, string? districtCode, string? postcode, string? expected)
    {
        var match = Bangkok.MatchSubdistrict(name, districtCode, postcode);
        Assert.Equal(expected, match?.Code);
    }

    [Fact]
    public void SharedSubdistrictName_IsToldApartByPostcode()
    {
        var bangChak = Bangkok.Subdistricts.Where(s => s.NameTh == "บางจาก").ToList();
        Assert.Equal(2, bangChak.Count);
        foreach (var s in bangChak.Where(s => bangChak.Count(o => o.Postcode == s.Postcode) == 1))
        {
            Assert.Equal(s.Code, Bangkok.MatchSubdistrict("บางจาก", null, s.Postcode)?.Code);
        }
    }

    [Fact]
    public void RememberedAnswers_DependOnTheDistrictAndPostcodeAsked()
    {
        // The same name asked again in another district or postcode gets its own answer, not the first one remembered.
        var gazetteer = ReferenceData.LoadBangkok();
        for (var round = 0; round < 2; round++)
        {
            Assert.Null(gazetteer.MatchSubdistrict("บางจาก"));
            Assert.Equal("100905", gazetteer.MatchSubdistrict("บางจาก", "1009")?.Code);
            Assert.Equal("102206", gazetteer.MatchSubdistrict("บางจาก", "1022")?.Code);
            Assert.Equal("102206", gazetteer.MatchSubdistrict("บางจาก", null, "10160")?.Code);
            Assert.Equal("1024", gazetteer.MatchDistrict("ราษฏร์บูรณะ")?.Code);
            Assert.Null(gazetteer.MatchDistrict("ไม่มีเขตนี้"));
        }
    }

    [Fact]
    public void LoadFolder_ReadsTheTwoFiles_AndIsFolderSaysWhetherTheyAreThere()
    {
        var geography = Path.Combine(ReferenceData.RepoRoot(), "data", "geography");
        Assert.True(Gazetteer.IsFolder(geography));
        Assert.False(Gazetteer.IsFolder(ReferenceData.RepoRoot()));
        var loaded = Gazetteer.LoadFolder(geography);
        Assert.Equal((50, 180), (loaded.Districts.Count, loaded.Subdistricts.Count));
    }

    [Fact]
    public void CallerSuppliedLists_Work_WithoutFiles()
    {
        var gazetteer = new Gazetteer(
            [new GazetteerDistrict("1030", "จตุจักร", "Chatuchak", "10900")],
            [new GazetteerSubdistrict("103001", "ลาดยาว", "Lat Yao", "1030", "10900")]);
        Assert.Equal("1030", gazetteer.MatchDistrict("เขตจตุจักร")?.Code);
        Assert.Equal("103001", gazetteer.MatchSubdistrict("แขวงลาดยาว")?.Code);
        Assert.Null(gazetteer.MatchDistrict("บางรัก"));
    }
}

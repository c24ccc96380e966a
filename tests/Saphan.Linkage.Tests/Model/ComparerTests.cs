using Saphan.Linkage.Model;
using static Saphan.Linkage.Model.ComparisonLevels;

namespace Saphan.Linkage.Tests.Model;

public sealed class ComparerTests
{
    [Theory]
    [InlineData("สมชาย", "สมชาย", NameExact)]
    [InlineData("สมชาย", "สมชัย", NamePhonetic)]
    [InlineData("น้องบาส", "นองบาส", NamePhonetic)]
    [InlineData("abcdefgh", "abcdefgx", NameJaroWinklerHigh)]
    [InlineData("jellyfish", "smellyfish", NameJaroWinklerMid)]
    [InlineData("สมชาย", "มาลี", NameOther)]
    [InlineData(null, "มาลี", Missing)]
    [InlineData("มาลี", null, Missing)]
    public void CompareName_HitsTheExpectedLevel(string? a, string? b, int level) =>
        Assert.Equal(level, Comparer.CompareName(a, b));

    [Theory]
    [InlineData(19870512, 19870512, DateExact)]
    [InlineData(19870512, 25300512, DateEraShift)]
    [InlineData(19870512, 14440512, DateEraShift)]
    [InlineData(19870512, 19871205, DateDayMonthSwap)]
    [InlineData(19870512, 19870520, DateSameYearMonth)]
    [InlineData(19870512, 19880101, DateYearWithinOne)]
    [InlineData(19870512, 19900512, DateOther)]
    [InlineData(19870000, 19870512, DateYearWithinOne)] // a year alone never reaches the full-date levels
    [InlineData(19870500, 19870512, DateSameYearMonth)]
    [InlineData(19870000, 19950000, DateOther)]
    [InlineData(0, 19870512, Missing)]
    public void CompareDate_HitsTheExpectedLevel(int a, int b, int level) => Assert.Equal(level, Comparer.CompareDate(a, b));

    [Theory]
    [InlineData("1101700203451", "1101700203451", IdExact)]
    [InlineData("1101700203451", "1101700208451", IdOneDigit)]
    [InlineData("1101700203451", "1101702003451", IdTransposed)]
    [InlineData("1101700203451", "1101700230451", IdTransposed)]
    [InlineData("1101700203451", "1101700230452", IdOther)]
    [InlineData("1101700203451", "9999999999999", IdOther)]
    [InlineData("1101700203451", "110170020345", IdOther)]
    [InlineData(null, "1101700203451", Missing)]
    public void CompareId_HitsTheExpectedLevel(string? a, string? b, int level) => Assert.Equal(level, Comparer.CompareId(a, b));

    [Fact]
    public void CompareId_TwoNonAdjacentDifferences_IsNotATransposition() =>
        Assert.Equal(IdOther, Comparer.CompareId("1234567890123", "2134567890213"));

    [Theory]
    [InlineData(Sex.Male, Sex.Male, SexSame)]
    [InlineData(Sex.Male, Sex.Female, SexDifferent)]
    [InlineData(Sex.Unknown, Sex.Female, Missing)]
    public void CompareSex_HitsTheExpectedLevel(Sex a, Sex b, int level) => Assert.Equal(level, Comparer.CompareSex(a, b));

    [Fact]
    public void CompareAddress_Levels()
    {
        var table = new RecordTable();
        LinkRecord At(string id, string? house, string? sub, string? dist) => new()
        {
            Source = "s", RecordId = id, GivenName = "x",
            Address = new AddressParts { HouseNumber = house, SubdistrictCode = sub, DistrictCode = dist },
        };
        var a = table.Add(At("1", "12/3", "100101", "1001"));
        var sameHouse = table.Add(At("2", "12/3", "100101", "1001"));
        var sameSub = table.Add(At("3", "99", "100101", "1001"));
        var sameDistrict = table.Add(At("4", "12/3", "100102", "1001"));
        var elsewhere = table.Add(At("5", "12/3", "200101", "2001"));
        var none = table.Add(new LinkRecord { Source = "s", RecordId = "6", GivenName = "x" });
        Assert.Equal(AddressSubdistrictHouse, Comparer.CompareAddress(table[a], table[sameHouse]));
        Assert.Equal(AddressSubdistrict, Comparer.CompareAddress(table[a], table[sameSub]));
        Assert.Equal(AddressDistrict, Comparer.CompareAddress(table[a], table[sameDistrict]));
        Assert.Equal(AddressOther, Comparer.CompareAddress(table[a], table[elsewhere]));
        Assert.Equal(Missing, Comparer.CompareAddress(table[a], table[none]));
    }

    [Fact]
    public void ComparePhone_InternationalAndLocalFormsAgree()
    {
        var table = new RecordTable();
        var a = table.Add(new LinkRecord { Source = "s", RecordId = "1", GivenName = "x", Phone = "+66 81 234 5678" });
        var b = table.Add(new LinkRecord { Source = "s", RecordId = "2", GivenName = "x", Phone = "081-234-5678" });
        var c = table.Add(new LinkRecord { Source = "s", RecordId = "3", GivenName = "x", Phone = "081-234-5679" });
        Assert.Equal(PhoneExact, Comparer.ComparePhone(table[a].Phone, table[b].Phone));
        Assert.Equal(PhoneOther, Comparer.ComparePhone(table[a].Phone, table[c].Phone));
        Assert.Equal(Missing, Comparer.ComparePhone(null, table[c].Phone));
    }

    [Fact]
    public void ComparisonVector_PacksAndUnpacksEveryField()
    {
        var v = new ComparisonVector(ComparisonVector.Pack(1, 2, 3, 4, 0, 2, 4, 1));
        Assert.Equal(1, v[LinkField.GivenName]);
        Assert.Equal(2, v[LinkField.FamilyName]);
        Assert.Equal(3, v[LinkField.BirthDate]);
        Assert.Equal(4, v[LinkField.CitizenId]);
        Assert.Equal(0, v[LinkField.OtherId]);
        Assert.Equal(2, v[LinkField.Sex]);
        Assert.Equal(4, v[LinkField.Address]);
        Assert.Equal(1, v[LinkField.Phone]);
    }
}

using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class NormaliserTests
{
    private static readonly Normaliser Bangkok = new(DateConvention.Thai, ReferenceData.BangkokGazetteer, new DateOnly(2026, 11, 24));

    private static RawPerson Raw(Func<RawPerson, RawPerson>? change = null)
    {
        var raw = new RawPerson { Source = "bma", RecordId = "r1", FullName = "นายสมชาย ใจดี" };
        return change is null ? raw : change(raw);
    }

    [Fact]
    public void GoodRecord_HasNoProblems_AndAllFields()
    {
        var result = Bangkok.Normalise(new RawPerson
        {
            Source = "bma",
            RecordId = "42",
            CitizenId = "1-1120-34563-56-2",
            Title = "นาย",
            GivenName = "สมชาย",
            FamilyName = "ใจดี",
            Sex = "ชาย",
            BirthDate = "15 ม.ค. 2523",
            Address = "12/3 ซ.ลาดพร้าว 15 แขวงจอมพล เขตจตุจักร กทม. 10900",
            Phone = "081-234-5678",
        });
        Assert.Empty(result.Problems);
        Assert.True(result.IsLinkable);
        var r = result.Record;
        Assert.Equal("bma", r.Source);
        Assert.Equal("42", r.RecordId);
        Assert.Equal("1112034563562", r.CitizenId?.Digits);
        Assert.Equal("นาย", r.Title);
        Assert.Equal("สมชาย", r.GivenName);
        Assert.Equal("ใจดี", r.FamilyName);
        Assert.Equal(Sex.Male, r.Sex);
        Assert.Equal(new PartialDate(1980, 1, 15), r.BirthDate);
        Assert.Equal("103004", r.Address?.SubdistrictCode);
        Assert.Equal("1030", r.Address?.DistrictCode);
        Assert.Equal("12/3", r.Address?.HouseNumber);
        Assert.Equal("ลาดพร้าว 15", r.Address?.Soi);
        Assert.Equal("10900", r.Address?.Postcode);
        Assert.Equal("0812345678", r.Phone);
    }

    [Fact]
    public void FullName_IsSplit_AndTitleGivesSex()
    {
        var r = Bangkok.Normalise(Raw(x => x with { FullName = "น.ส.มาลี ณ อยุธยา" })).Record;
        Assert.Equal("นางสาว", r.Title);
        Assert.Equal("มาลี", r.GivenName);
        Assert.Equal("ณ อยุธยา", r.FamilyName);
        Assert.Equal(Sex.Female, r.Sex);
    }

    [Theory]
    [InlineData("1112034563563", "citizenId.badCheckDigit", FieldProblemSeverity.Flagged, true)]
    [InlineData("0112034563562", "citizenId.startsWithZero", FieldProblemSeverity.Flagged, true)]
    [InlineData("12345", "citizenId.wrongLength", FieldProblemSeverity.Flagged, true)]
    [InlineData("6112034563563", "citizenId.nonThaiStatus", FieldProblemSeverity.Flagged, true)]
    [InlineData("AA1234567", "citizenId.passportLike", FieldProblemSeverity.Dropped, false)]
    [InlineData("??", "citizenId.notDigits", FieldProblemSeverity.Dropped, false)]
    public void BadCitizenIds_AreKeptOrMoved_AndFlagged(string id, string code, FieldProblemSeverity severity, bool kept)
    {
        var result = Bangkok.Normalise(Raw(x => x with { CitizenId = id }));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(FieldNames.CitizenId, problem.Field);
        Assert.Equal(severity, problem.Severity);
        Assert.Equal(kept, result.Record.CitizenId is not null);
        Assert.False(string.IsNullOrWhiteSpace(problem.MessageTh));
        Assert.False(string.IsNullOrWhiteSpace(problem.MessageEn));
        Assert.NotEqual(problem.MessageTh, problem.MessageEn);
    }

    [Fact]
    public void PassportInCitizenIdColumn_BecomesOtherId()
    {
        var r = Bangkok.Normalise(Raw(x => x with { CitizenId = "aa 1234567" })).Record;
        Assert.Null(r.CitizenId);
        Assert.Equal("AA1234567", r.OtherId);
    }

    [Fact]
    public void ThaiIdInOtherIdColumn_BecomesCitizenId()
    {
        var result = Bangkok.Normalise(Raw(x => x with { OtherId = "1112034563562" }));
        Assert.Equal("1112034563562", result.Record.CitizenId?.Digits);
        Assert.Null(result.Record.OtherId);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void MigrantNumber_StaysInOtherId()
    {
        var result = Bangkok.Normalise(Raw(x => x with { OtherId = "0-0123-45678-90-1" }));
        Assert.Equal("0012345678901", result.Record.OtherId);
        Assert.Null(result.Record.CitizenId);
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("15/13/2523", "birthDate.monthOutOfRange")]
    [InlineData("64/1/2523", "birthDate.dayOutOfRange")]
    [InlineData("30/2/2523", "birthDate.dayNotInMonth")]
    [InlineData("29/2/2566", "birthDate.notALeapYear")]
    [InlineData("เมื่อวาน", "birthDate.unrecognised")]
    [InlineData("15/1/2600", "birthDate.inFuture")]   // 2057 CE
    public void BadBirthDates_AreDropped_WithAReason(string text, string code)
    {
        var result = Bangkok.Normalise(Raw(x => x with { BirthDate = text }));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(FieldProblemSeverity.Dropped, problem.Severity);
        Assert.Equal(text, problem.Value);
        Assert.Null(result.Record.BirthDate);
        Assert.True(result.IsLinkable);
    }

    [Fact]
    public void VeryOldBirthDate_IsKept_ButFlagged()
    {
        var result = Bangkok.Normalise(Raw(x => x with { BirthDate = "1/1/1890" }));
        Assert.Equal("birthDate.tooOld", Assert.Single(result.Problems).Code);
        Assert.Equal(1890, result.Record.BirthDate?.Year);
    }

    [Fact]
    public void WithoutToday_FutureDatesAreNotJudged()
    {
        var result = new Normaliser().Normalise(Raw(x => x with { BirthDate = "15/1/2600" }));
        Assert.Empty(result.Problems);
        Assert.Equal(2057, result.Record.BirthDate?.Year);
    }

    [Fact]
    public void MonthDayConvention_IsUsed()
    {
        var result = new Normaliser(DateConvention.MonthDayYearCe).Normalise(Raw(x => x with { BirthDate = "1/15/1980" }));
        Assert.Equal(new PartialDate(1980, 1, 15), result.Record.BirthDate);
    }

    [Theory]
    [InlineData("หญิง", Sex.Female, "sex.conflictsWithTitle")]
    [InlineData("F", Sex.Female, "sex.conflictsWithTitle")]
    [InlineData("1", Sex.Male, null)]
    [InlineData("", Sex.Male, null)]             // from the title
    [InlineData("ไม่ระบุ", Sex.Male, null)]
    [InlineData("อื่นๆ", Sex.Male, "sex.unrecognised")]
    public void Sex_FromFieldOrTitle(string text, Sex expected, string? code)
    {
        var result = Bangkok.Normalise(Raw(x => x with { Sex = text }));
        Assert.Equal(expected, result.Record.Sex);
        Assert.Equal(code, result.Problems.SingleOrDefault()?.Code);
    }

    [Theory]
    [InlineData("+66 81 234 5678", "0812345678")]
    [InlineData("66812345678", "0812345678")]
    [InlineData("02-123-4567 ต่อ 12", "021234567")]
    [InlineData("081-234-5678, 02-123-4567", "0812345678")]
    [InlineData("๐๘๑๒๓๔๕๖๗๘", "0812345678")]
    public void Phone_IsCleaned(string text, string expected)
    {
        var result = Bangkok.Normalise(Raw(x => x with { Phone = text }));
        Assert.Equal(expected, result.Record.Phone);
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("โทรไม่ได้")]
    [InlineData("1812345678")]
    public void BadPhone_IsDropped(string text)
    {
        var result = Bangkok.Normalise(Raw(x => x with { Phone = text }));
        Assert.Null(result.Record.Phone);
        Assert.Equal("phone.invalid", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void SplitAddressColumns_WinOverTheAddressCell_AndGetCodes()
    {
        var result = Bangkok.Normalise(Raw(x => x with
        {
            Address = "1 แขวงจอมพล เขตจตุจักร",
            Subdistrict = "แขวงลาดยาว",
            District = "จตุจักร",
            Soi = "ซ.พหลโยธิน 24",
            Postcode = "10900",
        }));
        Assert.Empty(result.Problems);
        Assert.Equal("103001", result.Record.Address?.SubdistrictCode);
        Assert.Equal("พหลโยธิน 24", result.Record.Address?.Soi);
        Assert.Equal("1", result.Record.Address?.HouseNumber);
    }

    [Fact]
    public void UnknownPlaces_AndWrongPostcode_AreReported()
    {
        var unknown = Bangkok.Normalise(Raw(x => x with { District = "เขตไม่มีจริง", Subdistrict = "แขวงไม่มีจริง" }));
        Assert.Contains(unknown.Problems, p => p.Code == "address.districtUnknown");
        Assert.Contains(unknown.Problems, p => p.Code == "address.subdistrictUnknown");

        var mismatch = Bangkok.Normalise(Raw(x => x with { Subdistrict = "ลาดยาว", District = "จตุจักร", Postcode = "10200" }));
        Assert.Equal("address.postcodeMismatch", Assert.Single(mismatch.Problems).Code);
        Assert.Equal("103001", mismatch.Record.Address?.SubdistrictCode);

        var bad = Bangkok.Normalise(Raw(x => x with { Postcode = "1090" }));
        Assert.Equal("address.badPostcode", Assert.Single(bad.Problems).Code);
    }

    [Fact]
    public void WithoutGazetteer_CodesWrittenAsCodesAreKept()
    {
        var r = new Normaliser().Normalise(Raw(x => x with { District = "1030", Subdistrict = "ลาดยาว" })).Record;
        Assert.Equal("1030", r.Address?.DistrictCode);
        Assert.Null(r.Address?.SubdistrictCode);
    }

    [Fact]
    public void NoNameAndNoId_IsRejected()
    {
        var result = Bangkok.Normalise(new RawPerson { Source = "bma", RecordId = "x", FullName = "นาย", BirthDate = "1/1/2500" });
        Assert.False(result.IsLinkable);
        Assert.Contains(result.Problems, p => p.Code == "name.missing");
        Assert.Contains(result.Problems, p => p.Code == "record.noIdentity" && p.Severity == FieldProblemSeverity.Rejected);
    }

    [Fact]
    public void IdWithoutName_IsLinkable_ButNameMissingIsReported()
    {
        var result = Bangkok.Normalise(new RawPerson { Source = "bma", RecordId = "x", CitizenId = "1112034563562" });
        Assert.True(result.IsLinkable);
        Assert.Equal("name.missing", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void NameProblems_AreReported()
    {
        var digits = Bangkok.Normalise(Raw(x => x with { FullName = "สมชาย2 ใจดี" }));
        Assert.Contains(digits.Problems, p => p.Code == "name.hasDigits");
        var noFamily = Bangkok.Normalise(Raw(x => x with { FullName = "สมชาย" }));
        Assert.Equal("name.familyMissing", Assert.Single(noFamily.Problems).Code);
        var title = Bangkok.Normalise(Raw(x => x with { FullName = null, Title = "ท่าน", GivenName = "สมชาย", FamilyName = "ใจดี" }));
        Assert.Equal("title.unknown", Assert.Single(title.Problems).Code);
        Assert.Equal("ท่าน", title.Record.Title);
    }

    [Fact]
    public void TitleColumn_WithFullName_IsCombined()
    {
        var r = Bangkok.Normalise(new RawPerson { Source = "s", RecordId = "1", Title = "นาง", FullName = "สมศรี ใจดี" }).Record;
        Assert.Equal("นาง", r.Title);
        Assert.Equal("สมศรี", r.GivenName);
        Assert.Equal(Sex.Female, r.Sex);
    }

    [Theory]
    [InlineData("ชาย", Sex.Male, true)]
    [InlineData("M", Sex.Male, true)]
    [InlineData("เพศหญิง", Sex.Female, true)]
    [InlineData("2", Sex.Female, true)]
    [InlineData(null, Sex.Unknown, true)]
    [InlineData("-", Sex.Unknown, true)]
    [InlineData("x", Sex.Unknown, false)]
    public void ParseSex(string? text, Sex expected, bool recognised)
    {
        Assert.Equal(expected, Normaliser.ParseSex(text, out var ok));
        Assert.Equal(recognised, ok);
    }

    [Fact]
    public void EveryDateProblem_HasBothMessages()
    {
        foreach (var problem in Enum.GetValues<DateProblem>().Where(p => p != DateProblem.None))
        {
            var (th, en) = Normaliser.DateMessages(problem);
            Assert.False(string.IsNullOrWhiteSpace(th));
            Assert.False(string.IsNullOrWhiteSpace(en));
        }
        Assert.Equal(Enum.GetValues<DateProblem>().Length - 1,
            Enum.GetValues<DateProblem>().Where(p => p != DateProblem.None).Select(p => Normaliser.DateMessages(p).En).Distinct().Count());
    }
}

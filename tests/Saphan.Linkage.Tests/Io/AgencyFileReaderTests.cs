using System.Text;
using Saphan.Linkage.Io;
using Saphan.Linkage.Normalisation;
using Saphan.Linkage.Tests.Normalisation;

namespace Saphan.Linkage.Tests.Io;

public sealed class AgencyFileReaderTests
{
    private static SourceMapping Mapping(string encoding = "utf-8", string? phone = null) => new()
    {
        Source = "test", Encoding = encoding, DateConvention = "thai", RecordId = "id",
        Columns = new ColumnMapping { FullName = "name", CitizenId = "pid", BirthDate = "dob", Address = "addr", Phone = phone },
    };

    private static (FileCounts Counts, List<LinkRecord> Records, List<Reject> Rejects) Read(string content, SourceMapping mapping, Encoding? encoding = null,
        Gazetteer? gazetteer = null)
    {
        var path = Path.Combine(TestData.TempDir(), "file.csv");
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        var records = new List<LinkRecord>();
        var rejects = new List<Reject>();
        var counts = AgencyFileReader.Read(path, mapping, gazetteer, records.Add, rejects.Add);
        Assert.Equal(counts.Read, counts.Accepted + counts.Rejected);
        Assert.Equal(counts.Accepted, records.Count);
        return (counts, records, rejects);
    }

    private const string Header = "id,name,pid,dob,addr\n";

    [Fact]
    public void Read_GoodRows_AreNormalised()
    {
        var (counts, records, rejects) = Read(Header +
            "1,นางสาวสมหญิง ใจดี,1-1017-00203-45-1,12/5/2530,\"12/3 ซ.ลาดพร้าว 5 แขวงจอมพล เขตจตุจักร 10900\"\n", Mapping());
        Assert.Equal(1, counts.Accepted);
        Assert.Empty(rejects);
        var r = records[0];
        Assert.Equal(("สมหญิง", "ใจดี"), (r.GivenName, r.FamilyName));
        Assert.Equal(Sex.Female, r.Sex);
        Assert.Equal(new Saphan.Linkage.Normalisation.PartialDate(1987, 5, 12), r.BirthDate);
        Assert.Equal("1101700203451", r.CitizenId?.Digits);
        Assert.Equal("12/3", r.Address?.HouseNumber);
        Assert.Equal("ลาดพร้าว 5", r.Address?.Soi);
        // Without a gazetteer the places keep their names (compared as text) and get no code.
        Assert.Equal(("จอมพล", "จตุจักร"), (r.Address?.SubdistrictName, r.Address?.DistrictName));
        Assert.Null(r.Address?.SubdistrictCode);
        Assert.Null(r.Address?.DistrictCode);
    }

    [Fact]
    public void Read_WithGazetteer_MisspeltPlaceNamesGetTheirDopaCodes()
    {
        var (counts, records, rejects) = Read(Header +
            "1,นายสมชาย ใจดี,,,\"12/3 แขวงจอมพล เขตจตุจักร 10900\"\n" +
            "2,นายสมชาย ใจดี,,,\"12/3 แขวงจอมพน เขตจัตุจักร\"\n" +       // both names misspelt
            "3,นายสมชาย ใจดี,,,\"12/3 ต.ราษฏร์บูรณะ\"\n" +                 // ฏ for ฎ, no district: inferred
            "4,นายสมชาย ใจดี,,,\"12/3 แขวงไม่มีจริง เขตจตุจักร\"\n",       // unknown subdistrict: kept as written
            Mapping(), gazetteer: ReferenceData.BangkokGazetteer);
        Assert.Equal(4, counts.Accepted);
        Assert.Equal(
            [("103004", "1030"), ("103004", "1030"), ("102401", "1024"), (null, "1030")],
            records.Select(r => (r.Address?.SubdistrictCode, r.Address?.DistrictCode)));
        Assert.Equal("ไม่มีจริง", records[3].Address?.SubdistrictName);
        // An unknown place is compared as text, not ignored, so it is no reject.
        Assert.Empty(rejects);
        Assert.Equal(0, counts.FieldsIgnored);
    }

    [Fact]
    public void Read_DistrictAndSubdistrictColumns_WithPrefixes_MatchTheGazetteer()
    {
        var mapping = Mapping() with { Columns = new ColumnMapping { FullName = "name", Subdistrict = "sub", District = "dist", HouseNumber = "house" } };
        var (_, records, _) = Read("id,name,sub,dist,house\n1,นายสมชาย ใจดี,แขวงลาดยาว,เขตจตุจักร,5\n2,นายสมชาย ใจดี,Lat Yao,Chatuchak,5\n",
            mapping, gazetteer: ReferenceData.BangkokGazetteer);
        Assert.All(records, r => Assert.Equal(("103001", "1030"), (r.Address?.SubdistrictCode, r.Address?.DistrictCode)));
        Assert.Equal("ลาดยาว", records[0].Address?.SubdistrictName);
    }

    [Fact]
    public void Read_Tis620File_DeclaredTis620_ReadsThai()
    {
        var (counts, records, _) = Read(Header + "1,นายสมชาย ใจดี,,1/1/2500,\n", Mapping("tis-620"), TextEncodings.Tis620);
        Assert.Equal(1, counts.Accepted);
        Assert.Equal("สมชาย", records[0].GivenName);
    }

    [Fact]
    public void Read_Tis620File_DeclaredUtf8_RejectsEveryRowWithAReason()
    {
        var (counts, _, rejects) = Read(Header + "1,นายสมชาย ใจดี,,1/1/2500,\n2,นางมาลี ดีใจ,,1/1/2501,\n", Mapping("utf-8"), TextEncodings.Tis620);
        Assert.Equal(2, counts.Rejected);
        Assert.Contains(rejects, r => r.Action == RejectAction.FileWarning && r.ReasonEn.Contains("tis-620", StringComparison.Ordinal));
        Assert.Equal(2, rejects.Count(r => r.Action == RejectAction.RowRejected && r.ReasonEn.Contains("encoding", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_Utf8File_DeclaredTis620_RejectsEveryRowInsteadOfLinkingGarbage()
    {
        var (counts, _, rejects) = Read(Header + "1,นายสมชาย ใจดี,,1/1/2500,\n", Mapping("tis-620"));
        Assert.Equal(1, counts.Rejected);
        Assert.Contains(rejects, r => r.Action == RejectAction.FileWarning && r.ReasonEn.Contains("utf-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Utf8WithBom_HeaderIsFound()
    {
        var (counts, _, rejects) = Read(Header + "1,นายสมชาย ใจดี,,,\n", Mapping("utf-8-bom"), new UTF8Encoding(true));
        Assert.Equal(1, counts.Accepted);
        Assert.Empty(rejects);
    }

    [Fact]
    public void Read_ImpossibleDatesAndShortIds_KeepTheRowWithoutTheField()
    {
        var (counts, records, rejects) = Read(Header +
            "1,นายสมชาย ใจดี,12345,12/13/2530,\n" +
            "2,นางมาลี ดีใจ,1101700203451,64/1/2530,\n", Mapping());
        Assert.Equal(2, counts.Accepted);
        Assert.Equal(3, counts.FieldsIgnored);
        Assert.All(records, r => Assert.Null(r.BirthDate));
        Assert.Contains(rejects, r => r.Field == "birthDate" && r.Line == 2 && r.ReasonEn.Contains("month", StringComparison.Ordinal));
        Assert.Contains(rejects, r => r.Field == "birthDate" && r.Line == 3 && r.ReasonEn.Contains("day", StringComparison.Ordinal));
        Assert.Contains(rejects, r => r.Field == "citizenId" && r.RecordId == "1" && r.ReasonTh.Length > 0);
    }

    [Fact]
    public void Read_OnlyAShortId_IsNothingToLinkOn_AndIsRejected()
    {
        var (counts, records, rejects) = Read(Header + "1,,12345,1/1/2530,\n2,,1101700203451,,\n", Mapping());
        Assert.Equal(1, counts.Rejected);
        Assert.Equal(["2"], records.Select(r => r.RecordId));
        var reject = Assert.Single(rejects);
        Assert.Equal((RejectAction.RowRejected, "1"), (reject.Action, reject.RecordId));
        Assert.Contains("nothing to link", reject.ReasonEn, StringComparison.Ordinal);
        Assert.Contains("จับคู่ไม่ได้", reject.ReasonTh, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnreadableSexAndPhone_AreIgnoredFields_WithThaiAndEnglishReasons()
    {
        var mapping = Mapping() with { Columns = Mapping().Columns with { Sex = "sex", Phone = "tel" } };
        var (counts, records, rejects) = Read("id,name,pid,dob,addr,sex,tel\n1,สมชาย ใจดี,,,,ไม่แน่ใจ,08-ABC\n", mapping);
        Assert.Equal(1, counts.Accepted);
        Assert.Equal(2, counts.FieldsIgnored);
        Assert.Null(records[0].Phone);
        Assert.Equal(["phone", "sex"], rejects.Select(r => r.Field).Order(StringComparer.Ordinal));
        Assert.All(rejects, r =>
        {
            Assert.Equal(RejectAction.FieldIgnored, r.Action);
            Assert.True(r.ReasonTh.Any(c => c is >= '\u0E01' and <= '\u0E5B'), r.ReasonTh);
            Assert.NotEmpty(r.ReasonEn);
        });
    }

    [Fact]
    public void Read_BadRows_AreRejectedWithReasons_AndTheRunGoesOn()
    {
        var (counts, records, rejects) = Read(Header +
            "1,นายสมชาย ใจดี,,,\n" +
            "2,นางมาลี ดีใจ,,,,extra\n" +          // too many columns
            ",นางสาวชูใจ ใจงาม,,,\n" +              // no record id
            "4,,,,\n" +                              // nothing to link on
            "1,นายสมชาย ใจดี,,,\n" +                // duplicate id
            "6,\"นาย มานะ, รักเรียน\",,,\n" +         // quoted comma
            "7,\"นางปิติ\nยินดี\",,,\n" +             // quoted line break
            "8,นายชูชาติ มีสุข,,,\n", Mapping());
        Assert.Equal(8, counts.Read);
        Assert.Equal(4, counts.Rejected);
        Assert.Equal(["1", "6", "7", "8"], records.Select(r => r.RecordId));
        Assert.Equal(4, rejects.Count(r => r.Action == RejectAction.RowRejected));
        Assert.Contains(rejects, r => r.Line == 3 && r.ReasonEn.Contains("column count", StringComparison.Ordinal));
        Assert.Contains(rejects, r => r.Line == 4 && r.ReasonEn.Contains("record id", StringComparison.Ordinal));
        Assert.Contains(rejects, r => r.Line == 5 && r.ReasonEn.Contains("nothing to link", StringComparison.Ordinal));
        Assert.Contains(rejects, r => r.Line == 6 && r.ReasonEn.Contains("already used", StringComparison.Ordinal));
        // The row after a quoted line break is numbered by its physical line.
        Assert.DoesNotContain(rejects, r => r.RecordId == "8");
    }

    [Fact]
    public void Read_AQuoteThatNeverClosesInALargeFile_StopsWithAWarning_AfterTheRowsBeforeIt()
    {
        var content = new StringBuilder(Header + "1,นายสมชาย ใจดี,,,\n2,\"นางมาลี ดีใจ,,,\n");
        for (var i = 0; i < 170_000; i++) content.Append('x', 99).Append('\n');
        var (counts, records, rejects) = Read(content.ToString(), Mapping());
        Assert.Equal(["1"], records.Select(r => r.RecordId));
        var warning = Assert.Single(rejects);
        Assert.Equal((RejectAction.FileWarning, 3L), (warning.Action, warning.Line));
        Assert.Contains("opened after line 2 is never closed", warning.ReasonEn, StringComparison.Ordinal);
        Assert.Equal(1, counts.Read);
    }

    [Fact]
    public void Read_AFileWithATitleAboveItsHeader_ReadsFromTheHeaderLine_AndNumbersRowsByTheirLines()
    {
        var (counts, records, rejects) = Read("รายชื่อ เขตดุสิต\n\n" + Header +
            "1,นายสมชาย ใจดี,,,\n" +
            ",นางสาวชูใจ ใจงาม,,,\n" +                // line 5: no record id
            "3,นางมาลี ดีใจ,,,\n", Mapping() with { HeaderLine = 3 });
        Assert.Equal((3, 1), (counts.Read, counts.Rejected));
        Assert.Equal(["1", "3"], records.Select(r => r.RecordId));
        Assert.Equal(5, Assert.Single(rejects).Line);
    }

    [Fact]
    public void Read_AStrayQuote_RejectsTheRowsItTookWithTheirLines_AndAQuotedLineBreakIsNotOne()
    {
        var (counts, records, rejects) = Read(Header +
            "1,นายสมชาย ใจดี,,,\n" +
            "2,\"นางมาลี ดีใจ,,,\n" +                 // line 3: a quote opens…
            "3,นายมานะ รักเรียน,,,\n" +               // …takes this row…
            "4,นางปิติ\" ยินดี,,,\n" +                // …and closes on line 5
            "5,นายชูชาติ มีสุข,,,\n" +
            "6,\"นางปิติ\nยินดี\",,,\n" +             // lines 7–8: a quoted line break
            "7,\"นายวีระ,,,\n" +                      // line 9: a quote that never closes…
            "8,นางสุดา ใจงาม,,,\n", Mapping());       // …takes the last line
        Assert.Equal((5, 2), (counts.Read, counts.Rejected));
        Assert.Equal(["1", "5", "6"], records.Select(r => r.RecordId));
        Assert.Equal([3L, 9L], rejects.Select(r => r.Line));
        Assert.Contains("made lines 3–5 (3 lines) read as one row", rejects[0].ReasonEn, StringComparison.Ordinal);
        Assert.Contains("ทำให้บรรทัด 9–10 (2 บรรทัด)", rejects[1].ReasonTh, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingRequiredColumn_RejectsEveryRowAndSaysWhich()
    {
        var (counts, _, rejects) = Read("ident,name\n1,นายสมชาย ใจดี\n2,นางมาลี ดีใจ\n", Mapping());
        Assert.Equal(2, counts.Rejected);
        Assert.Contains(rejects, r => r.Action == RejectAction.FileWarning && r.ReasonEn.Contains("\"id\"", StringComparison.Ordinal));
        Assert.Equal(2, rejects.Count(r => r.Action == RejectAction.RowRejected));
    }

    [Fact]
    public void Read_MissingOptionalColumn_WarnsOnceAndReadsWithoutIt()
    {
        var (counts, _, rejects) = Read(Header + "1,นายสมชาย ใจดี,,,\n", Mapping(phone: "mobile"));
        Assert.Equal(1, counts.Accepted);
        Assert.Single(rejects, r => r.Action == RejectAction.FileWarning && r.Field == "phone");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Read_EmptyFile_IsReportedNotFatal(string content)
    {
        var (counts, records, rejects) = Read(content, Mapping());
        Assert.Equal(0, counts.Accepted);
        Assert.Empty(records);
        Assert.NotEmpty(rejects);
    }

    [Fact]
    public void Read_HeaderOnly_ReadsNothingAndRejectsNothing()
    {
        var (counts, _, rejects) = Read(Header, Mapping());
        Assert.Equal(0, counts.Read);
        Assert.Empty(rejects);
    }

    [Fact]
    public void Mapping_UnknownEncodingOrConvention_FailsClearly()
    {
        Assert.Throws<InvalidDataException>(() => Read(Header, Mapping("latin-9")));
        Assert.Throws<InvalidDataException>(() => Read(Header, Mapping() with { DateConvention = "martian" }));
    }

    [Fact]
    public void Mapping_RoundTripsThroughJson_AndIsFoundByFileName()
    {
        var dir = TestData.TempDir();
        TestData.WriteMapping(dir, Mapping() with { File = "a.csv", Source = "a" }, Mapping() with { File = "b.csv", Source = "b" });
        var mapping = LinkageMapping.Load(Path.Combine(dir, "mapping.json"));
        Assert.Equal("b", mapping.For("/x/y/B.csv", 0)?.Source);
        Assert.Equal("name", mapping.Sources[0].Columns.FullName);
        Assert.Null(mapping.For("c.csv", 0));
        Assert.Null(mapping.Gazetteer);
        Assert.Null(mapping.GazetteerFolder);
        Assert.False(mapping.WithoutGazetteer);
    }

    [Theory]
    [InlineData("geo", false)]
    [InlineData("../geo", false)]
    [InlineData("none", true)]
    [InlineData(" None ", true)]
    public void Mapping_Gazetteer_IsAFolderRelativeToTheMappingFile_OrNone(string value, bool none)
    {
        var dir = Path.Combine(TestData.TempDir(), "m");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "mapping.json");
        new LinkageMapping { Sources = [Mapping()], Gazetteer = value }.Save(file);
        var mapping = LinkageMapping.Load(file);
        Assert.Equal(none, mapping.WithoutGazetteer);
        Assert.Equal(none ? null : Path.GetFullPath(Path.Combine(dir, value)), mapping.GazetteerFolder);
    }
}

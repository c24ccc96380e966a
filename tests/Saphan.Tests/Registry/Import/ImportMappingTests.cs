using Saphan.Linkage.Io;
using Saphan.Registry.Import;

namespace Saphan.Tests.Registry.Import;

public sealed class ImportMappingTests
{
    [Fact]
    public void Thai_headers_of_an_older_persons_file_are_guessed()
    {
        var m = ImportMapping.Guess("older", ["เลขที่ทะเบียน", "ชื่อ-สกุล", "เลขประจำตัวประชาชน", "เพศ", "วันเกิด", "ที่อยู่", "โทรศัพท์"], null);
        Assert.Equal("เลขที่ทะเบียน", m.RecordId);
        Assert.Equal("ชื่อ-สกุล", m.Columns.FullName);
        Assert.Null(m.Columns.GivenName);
        Assert.Equal("เลขประจำตัวประชาชน", m.Columns.CitizenId);
        Assert.Equal("เพศ", m.Columns.Sex);
        Assert.Equal("วันเกิด", m.Columns.BirthDate);
        Assert.Equal("ที่อยู่", m.Columns.Address);
        Assert.Equal("โทรศัพท์", m.Columns.Phone);
    }

    [Fact]
    public void Separate_name_columns_win_over_a_full_name_and_english_headers_are_guessed()
    {
        var m = ImportMapping.Guess("bma", ["case_no", "prefix", "first_name", "last_name", "citizen_id", "gender", "dob", "house_no", "soi", "road", "khwaeng", "khet", "mobile"], null);
        Assert.Equal("case_no", m.RecordId);
        Assert.Equal(("prefix", "first_name", "last_name"), (m.Columns.Title, m.Columns.GivenName, m.Columns.FamilyName));
        Assert.Null(m.Columns.FullName);
        Assert.Equal(("citizen_id", "gender", "dob"), (m.Columns.CitizenId, m.Columns.Sex, m.Columns.BirthDate));
        Assert.Equal(("house_no", "soi", "road", "khwaeng", "khet", "mobile"),
            (m.Columns.HouseNumber, m.Columns.Soi, m.Columns.Road, m.Columns.Subdistrict, m.Columns.District, m.Columns.Phone));
    }

    [Fact]
    public void A_header_containing_a_synonym_goes_to_the_field_of_its_longest_synonym()
    {
        var m = ImportMapping.Guess("x", ["รหัสผู้รับ", "ชื่อ", "นามสกุล", "วันเกิด (พ.ศ.)", "รหัสไปรษณีย์ผู้รับ"], null);
        Assert.Equal("รหัสผู้รับ", m.RecordId);
        Assert.Equal("วันเกิด (พ.ศ.)", m.Columns.BirthDate);
        Assert.Equal("รหัสไปรษณีย์ผู้รับ", m.Columns.Postcode);
    }

    [Fact]
    public void A_saved_profile_is_used_when_its_columns_are_all_in_the_header_and_ignored_otherwise()
    {
        var saved = ImportMapping.ToJson(new SourceMapping { Source = "x", RecordId = "A", Columns = new ColumnMapping { GivenName = "B", FamilyName = "C" }, DateConvention = "dmy-ce" });
        var used = ImportMapping.Guess("x", ["A", "B", "C"], saved);
        Assert.Equal(("A", "B", "C", "dmy-ce"), (used.RecordId, used.Columns.GivenName, used.Columns.FamilyName, used.DateConvention));

        var ignored = ImportMapping.Guess("x", ["A", "B", "ชื่อ"], saved);
        Assert.Null(ignored.Columns.FamilyName);
        Assert.Equal("ชื่อ", ignored.Columns.GivenName);
    }

    [Fact]
    public void A_mapping_survives_json_and_the_generators_mapping_file_gives_this_files_entry()
    {
        var m = ImportKit.Mapping();
        var back = ImportMapping.FromJson(ImportMapping.ToJson(m));
        Assert.Equal(m.Columns, back.Columns);
        Assert.Equal(m.RecordId, back.RecordId);

        var dir = Directory.CreateTempSubdirectory("saphan-map").FullName;
        try
        {
            var files = Saphan.Synthetic.AgencyFiles.Write(dir, 30, 3, 1);
            var older = files.Files.Single(f => f.EndsWith("msdhs_older.csv", StringComparison.Ordinal));
            var loaded = ImportMapping.Load(files.MappingFile, older, "older-allowance");
            Assert.Equal("older-allowance", loaded.Source);
            Assert.Equal("เลขที่ทะเบียน", loaded.RecordId);
            Assert.Equal("ชื่อ-สกุล", loaded.Columns.FullName);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

using Saphan.Linkage;
using Saphan.Linkage.Normalisation;
using Saphan.Registry.Import;

namespace Saphan.Tests.Registry.Import;

public sealed class RowInterpreterTests
{
    private static RowInterpreter Interpreter() => new(ImportKit.Mapping(), ImportKit.Header, new Normaliser(DateConvention.Thai));

    private static RowResult Read(string csvRow, long line = 2) => Interpreter().Interpret(new TableRow(line, csvRow.Split(',')));

    [Fact]
    public void A_buddhist_era_date_is_read_as_its_ce_date_and_the_title_is_split_off()
    {
        var r = Read("R1,นางสาว,สมหญิง,ใจดี," + ImportKit.Id(1) + ",15/1/2523,หญิง,0812345678");
        Assert.Null(r.Rejection);
        Assert.Equal(new PartialDate(1980, 1, 15), r.Read!.Record.BirthDate);
        Assert.Equal(("นางสาว", "สมหญิง", "ใจดี"), (r.Read.Record.Title, r.Read.Record.GivenName, r.Read.Record.FamilyName));
        Assert.True(r.Read.Record.CitizenId!.Value.IsValid);
        Assert.Equal(Sex.Female, r.Read.Record.Sex);
        Assert.Empty(r.Problems);
        Assert.Contains("\"ชื่อ\":\"สมหญิง\"", r.RawJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("15/13/2523", "birthDate.monthOutOfRange", "เดือนเกิน 12")]
    [InlineData("64/1/2523", "birthDate.dayOutOfRange", "วันที่เกิน 31")]
    public void An_impossible_date_drops_only_the_date_and_says_why_in_thai_and_english(string date, string code, string thai)
    {
        var r = Read("R1,นาย,สมชาย,ใจดี," + ImportKit.Id(1) + "," + date + ",ชาย,");
        Assert.Null(r.Rejection);
        Assert.Null(r.Read!.Record.BirthDate);
        var p = Assert.Single(r.Problems);
        Assert.Equal(code, p.Code);
        Assert.Contains(thai, p.MessageTh, StringComparison.Ordinal);
        Assert.Contains("impossible birth date", p.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("มี", true)]
    [InlineData(" Yes ", true)]
    [InlineData("/", true)]
    [InlineData("1", true)]
    [InlineData("ไม่มี", false)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    [InlineData("", null)]
    public void A_nickname_and_a_disability_card_column_are_read(string card, bool? expected)
    {
        var mapping = ImportMapping.WithColumn(ImportMapping.WithColumn(ImportKit.Mapping(), "nickname", "ชื่อเล่น"), "disabilityCard", "บัตรคนพิการ");
        var interpreter = new RowInterpreter(mapping, [.. ImportKit.Header, "ชื่อเล่น", "บัตรคนพิการ"], new Normaliser(DateConvention.Thai));
        var r = interpreter.Interpret(new TableRow(2, ("R1,นาย,สมชาย,ใจดี," + ImportKit.Id(1) + ",1/1/2500,ชาย,, ต้อม ," + card).Split(',')));

        Assert.Null(r.Rejection);
        Assert.Equal("ต้อม", r.Nickname);
        Assert.Equal(expected, r.HasDisabilityCard);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void An_unreadable_disability_card_value_keeps_the_row_drops_the_value_and_says_why()
    {
        var mapping = ImportMapping.WithColumn(ImportKit.Mapping(), "disabilityCard", "บัตรคนพิการ");
        var interpreter = new RowInterpreter(mapping, [.. ImportKit.Header, "บัตรคนพิการ"], new Normaliser(DateConvention.Thai));
        var r = interpreter.Interpret(new TableRow(2, ("R1,นาย,สมชาย,ใจดี," + ImportKit.Id(1) + ",1/1/2500,ชาย,,อาจจะ").Split(',')));

        Assert.Null(r.Rejection);
        Assert.Null(r.HasDisabilityCard);
        var p = Assert.Single(r.Problems);
        Assert.Equal(("disabilityCard.unreadable", "อาจจะ"), (p.Code, p.Value));
        Assert.Contains("บัตรคนพิการ", p.MessageTh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_on_two_lines_is_a_cell_but_a_cell_holding_a_whole_row_is_a_stray_quote()
    {
        var cells = ("R1,นาย,สมชาย,ใจดี," + ImportKit.Id(1) + ",1/1/2500,ชาย,").Split(',');
        cells[7] = "081-234-5678,\n(ที่ทำงาน, ต่อ 12)";
        Assert.Null(Interpreter().Interpret(new TableRow(2, cells) { LastLine = 3 }).Rejection);

        cells[7] = "081\nR2,นาย,สมชาย,ใจดี," + ImportKit.Id(2) + ",1/1/2500,ชาย,082";
        var swallowed = Interpreter().Interpret(new TableRow(2, cells) { LastLine = 3 });
        Assert.Equal(RowOutcome.Rejected, swallowed.Outcome);
        Assert.Contains("a quote (\") opened on line 2 made lines 2–3 (2 lines) read as one row", swallowed.Rejection!.En, StringComparison.Ordinal);
        Assert.Contains("เครื่องหมายคำพูด", swallowed.Rejection.Th, StringComparison.Ordinal);

        // The same cells on one line are one row: its last cell merely holds separators.
        Assert.Null(Interpreter().Interpret(new TableRow(2, cells)).Rejection);
    }

    [Fact]
    public void Nickname_and_disability_card_headers_are_guessed()
    {
        var mapping = ImportMapping.Guess("welfare", ["เลขที่ทะเบียน", "ชื่อ", "นามสกุล", "ชื่อเล่น", "มีบัตรคนพิการ"], null);
        Assert.Equal(("ชื่อเล่น", "มีบัตรคนพิการ"), (mapping.Columns.Nickname, mapping.Columns.DisabilityCard));
    }

    [Fact]
    public void A_five_digit_id_is_kept_flagged_and_reported()
    {
        var r = Read("R1,นาย,สมชาย,ใจดี,12345,1/1/2500,ชาย,");
        Assert.Null(r.Rejection);
        Assert.Equal(CitizenIdProblem.WrongLength, r.Read!.Record.CitizenId!.Value.Problem);
        Assert.Contains(r.Problems, p => p.Code == "citizenId.wrongLength" && p.MessageTh.Contains("5 หลัก", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_without_key_without_name_or_with_the_wrong_column_count_is_rejected_with_a_reason()
    {
        Assert.Equal("ไม่มีรหัสระเบียน", Read(",นาย,สมชาย,ใจดี,,1/1/2500,ชาย,").Rejection!.Th);
        Assert.Equal("no name and no identifier: nothing to link on", Read("R2,นาย,,,,1/1/2500,ชาย,").Rejection!.En);
        var shortRow = Read("R3,นาย,สมชาย");
        Assert.Contains("3 columns, but the header has 8", shortRow.Rejection!.En, StringComparison.Ordinal);
        Assert.Equal(RowOutcome.Rejected, shortRow.Outcome);
        Assert.False(shortRow.HasUsableKey);
        Assert.Contains("ตัวอักษรที่อ่านไม่ได้", Read("R4,นาย,สม\uFFFDชาย,ใจดี,,1/1/2500,ชาย,").Rejection!.Th, StringComparison.Ordinal);
    }

    [Fact]
    public void The_content_hash_depends_on_cell_boundaries_and_content_only()
    {
        Assert.NotEqual(RowInterpreter.ContentHash(["a", "bc"]), RowInterpreter.ContentHash(["ab", "c"]));
        Assert.Equal(RowInterpreter.ContentHash(["ก", "ข"]), RowInterpreter.ContentHash(["ก", "ข"]));
        Assert.Equal(64, RowInterpreter.ContentHash(["x"]).Length);
    }

    [Fact]
    public void A_mapped_column_missing_from_the_header_refuses_the_file_in_thai_and_english()
    {
        var header = ImportKit.Header.Where(h => h != "วันเกิด").ToArray();
        var e = Assert.Throws<ImportRefusedException>(() => new RowInterpreter(ImportKit.Mapping(), header, new Normaliser()));
        var p = Assert.Single(e.Problems);
        Assert.Contains("ไม่พบคอลัมน์ \"วันเกิด\"", p.Th, StringComparison.Ordinal);
        Assert.Contains("column \"วันเกิด\" (birth date) is not in the file's header", p.En, StringComparison.Ordinal);

        var noKey = ImportKit.Mapping() with { RecordId = "" };
        Assert.Contains(Assert.Throws<ImportRefusedException>(() => new RowInterpreter(noKey, ImportKit.Header, new Normaliser())).Problems,
            q => q.En.Contains("no record key column", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("R1,นาย,สมชาย,ใจดี,{id},1/1/2500,ชาย,")]             // imported
    [InlineData("R1,นาย,สม\uFFFDาย,ใจดี,{id},1/1/2500,ชาย,")]       // unreadable name cell: rejected before its key counts
    [InlineData("R\uFFFD1,นาย,สมชาย,ใจดี,{id},1/1/2500,ชาย,")]      // unreadable key
    [InlineData(",นาย,สมชาย,ใจดี,{id},1/1/2500,ชาย,")]               // no key
    [InlineData("R1,,,,,,,")]                                         // nothing to link by: rejected, but the key was used
    [InlineData("R1,นาย,สมชาย,ใจดี")]                                 // wrong column count
    public void A_resumed_run_counts_the_keys_of_committed_rows_exactly_as_the_first_run_did(string csvRow)
    {
        var row = new TableRow(2, csvRow.Replace("{id}", ImportKit.Id(1), StringComparison.Ordinal).Split(','));
        var interpreter = Interpreter();
        var read = interpreter.Interpret(row);
        var (usable, fingerprint) = interpreter.KeyOf(row);
        Assert.Equal(read.HasUsableKey, usable);
        Assert.Equal(read.HasUsableKey ? read.KeyFingerprint : 0UL, fingerprint);
    }
}

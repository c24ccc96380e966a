using MiniExcelLibs;
using Saphan.Registry.Import;

namespace Saphan.Tests.Registry.Import;

public sealed class TableFileTests
{
    [Fact]
    public async Task A_workbook_names_its_first_sheet_and_the_other_sheets_that_hold_data()
    {
        var path = Path.Combine(Path.GetTempPath(), $"saphan-sheets-{Guid.NewGuid():N}.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["เขตดุสิต"] = new List<Dictionary<string, object?>> { new() { ["ref"] = "D1", ["ชื่อ"] = "มาลี" } },
            ["ว่าง"] = new List<Dictionary<string, object?>> { new() { ["ref"] = null, ["ชื่อ"] = " " } },
            ["เขตพระนคร"] = new List<Dictionary<string, object?>> { new() { ["ref"] = "P1", ["ชื่อ"] = "สมชาย" } },
        };
        await MiniExcel.SaveAsAsync(path, sheets, printHeader: false);
        try
        {
            var found = TableFile.Sheets(path);
            Assert.NotNull(found);
            Assert.Equal("เขตดุสิต", found.Value.First);
            Assert.Equal(["เขตพระนคร"], found.Value.OthersWithData);

            // One sheet: nothing to say. A CSV or a damaged workbook: no sheets at all.
            await MiniExcel.SaveAsAsync(path, sheets["เขตดุสิต"], overwriteFile: true);
            Assert.Empty(TableFile.Sheets(path)!.Value.OthersWithData);
            await File.WriteAllTextAsync(path, "not a workbook");
            Assert.Null(TableFile.Sheets(path));
            Assert.Null(TableFile.Sheets(Path.ChangeExtension(path, ".csv")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_title_block_above_the_table_is_found_skipped_and_the_rows_keep_their_line_numbers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"saphan-title-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "รายชื่อผู้สูงอายุ เขตดุสิต,,,\nข้อมูล ณ 30 ก.ย. 2569\n\nเลขที่,ชื่อ,นามสกุล,วันเกิด\n1,สมชาย,ใจดี,1/1/2500\n2,มาลี,,\n");
        try
        {
            Assert.Equal(4, TableFile.GuessHeaderLine(path, TableKind.Csv, "utf-8", ","));
            using (var table = TableFile.Open(path, TableKind.Csv, "utf-8", ",", headerLine: 4))
            {
                Assert.Equal(["เลขที่", "ชื่อ", "นามสกุล", "วันเกิด"], table.Header);
                Assert.Equal([5L, 6L], table.Rows().Select(r => r.Line));
            }
            var refused = Assert.Throws<ImportRefusedException>(() => TableFile.Open(path, TableKind.Csv, "utf-8", ",", headerLine: 0));
            Assert.Contains("header line", refused.Problems[0].En, StringComparison.Ordinal);

            File.WriteAllText(path, "เลขที่,ชื่อ,นามสกุล\n1,สมชาย,\n");
            Assert.Equal(1, TableFile.GuessHeaderLine(path, TableKind.Csv, "utf-8", ","));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_title_row_above_a_sheet_is_found_and_skipped()
    {
        var path = Path.Combine(Path.GetTempPath(), $"saphan-title-{Guid.NewGuid():N}.xlsx");
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["A"] = "ทะเบียนคนพิการ เขตดุสิต", ["B"] = null, ["C"] = null },
            new() { ["A"] = "เลขที่", ["B"] = "ชื่อ", ["C"] = "นามสกุล" },
            new() { ["A"] = "D1", ["B"] = "มาลี", ["C"] = "ศรีสุข" },
        };
        await MiniExcel.SaveAsAsync(path, rows, printHeader: false);
        try
        {
            Assert.Equal(2, TableFile.GuessHeaderLine(path, TableKind.Xlsx, "utf-8", ","));
            using var table = TableFile.Open(path, TableKind.Xlsx, "utf-8", ",", headerLine: 2);
            Assert.Equal(["เลขที่", "ชื่อ", "นามสกุล"], table.Header);
            var row = Assert.Single(table.Rows());
            Assert.Equal((3L, "มาลี"), (row.Line, row.Cells[1]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_workbook_damaged_past_its_first_rows_stops_with_the_row_in_thai_and_english()
    {
        var path = Path.Combine(Path.GetTempPath(), $"saphan-damaged-{Guid.NewGuid():N}.xlsx");
        var rows = Enumerable.Range(1, 20_000).Select(i => new Dictionary<string, object?> { ["ref"] = $"R{i}", ["ชื่อ"] = $"สมชาย {i} {Guid.NewGuid()}" }).ToList();
        await MiniExcel.SaveAsAsync(path, rows);
        var bytes = await File.ReadAllBytesAsync(path);
        for (var k = 0; k < 64; k++) bytes[bytes.Length * 6 / 10 + k] ^= 0x5A;
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            using var table = TableFile.Open(path, TableKind.Xlsx, "utf-8", ",");
            var read = 0;
            var refused = Assert.Throws<ImportRefusedException>(() =>
            {
                foreach (var _ in table.Rows()) read++;
            });
            Assert.InRange(read, 1, 19_999);
            Assert.Contains($"damaged after row {read + 1}", refused.Problems[0].En, StringComparison.Ordinal);
            Assert.Contains("ไฟล์ Excel เสีย", refused.Problems[0].Th, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

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
}

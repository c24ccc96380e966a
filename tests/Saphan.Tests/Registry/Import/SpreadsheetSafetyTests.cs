using System.Text;
using Saphan.Linkage.Io;
using Saphan.Registry.Import;

namespace Saphan.Tests.Registry.Import;

public sealed class SpreadsheetSafetyTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"คลิก\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("  =1+1")]
    public void A_cell_that_a_spreadsheet_would_run_gets_a_leading_quote(string value)
    {
        var safe = SpreadsheetSafety.Cell(value);
        Assert.Equal("'" + value, safe);
        Assert.True(SpreadsheetSafety.NeedsEscaping(value));
    }

    [Theory]
    [InlineData("สมชาย ใจดี")]
    [InlineData("-12")]
    [InlineData("+66812345678")]
    [InlineData("3.5")]
    [InlineData("15/1/2523")]
    [InlineData("a=b")]
    [InlineData("")]
    public void Ordinary_text_and_plain_numbers_are_left_alone(string value)
    {
        Assert.Equal(value, SpreadsheetSafety.Cell(value));
        Assert.False(SpreadsheetSafety.NeedsEscaping(value));
    }

    [Fact]
    public void The_csv_writer_escapes_formulas_quotes_where_needed_and_starts_with_a_bom()
    {
        using var stream = new MemoryStream();
        using (var csv = SafeCsvWriter.For(stream))
        {
            csv.Line(["=1+1", "ชื่อ, นามสกุล", "say \"hi\"", "-5"]);
        }
        var bytes = stream.ToArray();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()));
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.Equal("'=1+1,\"ชื่อ, นามสกุล\",\"say \"\"hi\"\"\",-5\r\n", text);
    }
}

using System.Text;
using Saphan.Registry.Import;

namespace Saphan.Tests.Registry.Import;

public sealed class EncodingSnifferTests
{
    private const string Thai = "เลขที่ทะเบียน,ชื่อ-สกุล,วันเกิด\nE1,นางสาวสมหญิง ใจดี,15/1/2523\n";

    private static DetectedEncoding Detect(byte[] bytes) => EncodingSniffer.Detect(new MemoryStream(bytes));

    [Fact]
    public void A_tis620_file_is_detected_as_tis620()
    {
        Assert.Equal("tis-620", Detect(ImportKit.Tis620.GetBytes(Thai)).Name);
    }

    [Fact]
    public void A_utf8_file_with_a_bom_is_utf8_bom_and_without_one_utf8()
    {
        Assert.Equal("utf-8-bom", Detect([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Thai)]).Name);
        Assert.Equal("utf-8", Detect(Encoding.UTF8.GetBytes(Thai)).Name);
    }

    [Fact]
    public void Ascii_only_reads_as_utf8_and_utf16_is_named_so_that_it_can_be_refused()
    {
        Assert.Equal("utf-8", Detect("id,name\n1,JOHN\n"u8.ToArray()).Name);
        Assert.Equal("utf-16", Detect([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Thai)]).Name);
    }

    [Fact]
    public void A_thai_character_cut_by_the_end_of_the_sample_does_not_make_a_utf8_file_tis620()
    {
        // Thai letters are 3 bytes in UTF-8; put one across the 4 MB sample boundary.
        var prefix = new byte[EncodingSniffer.SampleBytes - 1];
        Array.Fill(prefix, (byte)'a');
        var bytes = prefix.Concat(Encoding.UTF8.GetBytes("กขค\n")).ToArray();
        Assert.Equal("utf-8", Detect(bytes).Name);
        // The same shape in TIS-620 (single bytes) is still TIS-620.
        var tis = new byte[EncodingSniffer.SampleBytes - 10].Select(_ => (byte)'a').Concat(ImportKit.Tis620.GetBytes("กขคงจฉชซฌญฎฏ\n")).ToArray();
        Assert.Equal("tis-620", Detect(tis).Name);
    }

    [Theory]
    [InlineData("a,b,c", ",")]
    [InlineData("a;b;c", ";")]
    [InlineData("a\tb\tc", "\\t")]
    [InlineData("a|b|c,d", "|")]
    public void The_separator_is_the_most_common_candidate_of_the_first_line(string line, string expected)
    {
        Assert.Equal(expected, EncodingSniffer.DetectDelimiter(line));
    }
}

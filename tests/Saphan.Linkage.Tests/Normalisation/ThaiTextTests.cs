using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class ThaiTextTests
{
    [Theory]
    [InlineData("สมชาย", "สมชาย")]
    [InlineData("  สมชาย   ใจดี  ", "สมชาย ใจดี")]
    [InlineData("สม\u200Bชาย", "สมชาย")]
    [InlineData("\uFEFFสมชาย\u200C\u200D\u2060", "สมชาย")]
    [InlineData("บ้าน\u00A0เลขที่\t๑๒/๓", "บ้าน เลขที่ 12/3")]
    [InlineData("๐๑๒๓๔๕๖๗๘๙", "0123456789")]
    [InlineData("สมชาย\r\nใจดี", "สมชาย ใจดี")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Normalise_CleansInvisibleAndSpacing(string input, string expected) => Assert.Equal(expected, ThaiText.Normalise(input));

    [Fact]
    public void Normalise_PutsSaraUBeforeToneMark_AsNfcRequires()
    {
        // ป + mai ek + sara uu typed in the "wrong" order looks the same on screen.
        Assert.Equal("ปู่", ThaiText.Normalise("ป\u0E48\u0E39"));
        Assert.Equal("ปู่", ThaiText.Normalise("ปู่"));
    }

    [Theory]
    [InlineData("น\u0E4D\u0E32", "นำ")]        // nikhahit + sara aa
    [InlineData("\u0E40\u0E40ดง", "แดง")]       // two sara e
    [InlineData("สม\u0E48\u0E48", "สม\u0E48")]  // a tone mark typed twice
    public void Normalise_FoldsLookAlikeSpellings(string input, string expected) => Assert.Equal(expected, ThaiText.Normalise(input));

    [Fact]
    public void Normalise_ReturnsTheSameInstance_WhenNothingChanges()
    {
        var name = "สมชาย ใจดี";
        Assert.Same(name, ThaiText.Normalise(name));
    }

    [Fact]
    public void Normalise_ComposesLatinWithCombiningMarks() => Assert.Equal("\u00E9", ThaiText.Normalise("e\u0301"));

    [Fact]
    public void Normalise_IsIdempotent_OnRandomMixtures()
    {
        // Property: Normalise(Normalise(x)) == Normalise(x) for random strings drawn from the troublesome characters.
        char[] alphabet =
        [
            'ก', 'ป', 'ส', 'ม', 'น', 'า', 'เ', 'แ', 'ั', 'ิ', 'ุ', 'ู', '่', '้', '๊', '๋', '์', '็', 'ํ', 'ำ', '๑', '๙',
            ' ', '\t', '\u00A0', '\u200B', '\uFEFF', '\u2060', 'a', 'Z', 'e', '\u0301', '.', '-',
        ];
        var random = new Random(20240229);
        for (var i = 0; i < 5000; i++)
        {
            var chars = new char[random.Next(0, 14)];
            for (var j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            var once = ThaiText.Normalise(new string(chars));
            Assert.Equal(once, ThaiText.Normalise(once));
            Assert.DoesNotContain('\u200B', once);
            Assert.DoesNotContain("  ", once, StringComparison.Ordinal);
            Assert.True(once.IsNormalized(System.Text.NormalizationForm.FormC));
        }
    }

    [Theory]
    [InlineData("สมชาย", "สมชาย")]
    [InlineData("สมหม่าย", "สมหมาย")]               // tone mark
    [InlineData("เป็น", "เปน")]                      // mai taikhu
    [InlineData("ใจดี", "ไจดี")]                      // ใ → ไ
    [InlineData("ฤๅษี", "ฤาษี")]                     // lakkhangyao
    [InlineData("อัมพร", "อำพร")]                    // ัม before a consonant = ำ
    [InlineData("ณ อยุธยา", "ณอยุธยา")]              // spaces
    [InlineData("Smith-Jones", "SMITHJONES")]       // Latin case, hyphen
    [InlineData("สมศักดิ์", "สมศัก")]                 // silent letter with its vowel
    [InlineData("จันทร์", "จัน")]                      // silent pair ทร
    [InlineData("รักษ์", "รัก")]
    public void ComparisonKey_FoldsDocumentedVariants(string input, string expected) =>
        Assert.Equal(expected, ThaiText.ComparisonKey(input));

    [Fact]
    public void ComparisonKey_KeepsSilencedLetter_WhenAsked()
    {
        Assert.Equal("สมศักดิ", ThaiText.ComparisonKey("สมศักดิ์", dropSilencedLetter: false));
        Assert.Equal("จันทร", ThaiText.ComparisonKey("จันทร์", dropSilencedLetter: false));
    }

    [Fact]
    public void ComparisonKey_DoesNotFoldMoMaThatStartsASyllable()
    {
        // In สัมมา the first ม closes a syllable and the second opens one: only the closing one becomes ำ.
        Assert.Equal("สำมา", ThaiText.ComparisonKey("สัมมา"));
        Assert.NotEqual(ThaiText.ComparisonKey("ทัมิ"), ThaiText.ComparisonKey("ทำิ"));
    }

    [Theory]
    [InlineData("สมชาย", "สมชัย")]
    [InlineData("ศรีสุข", "สีสุข")]
    [InlineData("กนกวรรณ", "กนกวรรน")]
    public void ComparisonKey_LeavesConsonantAndVowelDifferences(string a, string b) =>
        Assert.NotEqual(ThaiText.ComparisonKey(a), ThaiText.ComparisonKey(b));

    [Fact]
    public void ComparisonKey_IsIdempotent_OnNames()
    {
        foreach (var name in new[] { "สมศักดิ์ ณ อยุธยา", "ใจดี", "อัมพร", "Mr. John", "เป็นหนึ่ง", "ปู่" })
        {
            var key = ThaiText.ComparisonKey(name);
            Assert.Equal(key, ThaiText.ComparisonKey(key));
        }
    }

    [Fact]
    public void LongText_IsHandledBeyondTheStackBuffer()
    {
        var longText = string.Concat(Enumerable.Repeat("สม\u200Bชาย ", 100));
        var normal = ThaiText.Normalise(longText);
        Assert.Equal(string.Join(' ', Enumerable.Repeat("สมชาย", 100)), normal);
        Assert.Equal(string.Concat(Enumerable.Repeat("สมชาย", 100)), ThaiText.ComparisonKey(longText));
    }

    [Fact]
    public void Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ThaiText.Normalise(null!));
        Assert.Throws<ArgumentNullException>(() => ThaiText.ComparisonKey(null!));
    }
}

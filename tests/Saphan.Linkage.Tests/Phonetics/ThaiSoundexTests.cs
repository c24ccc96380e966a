using Saphan.Linkage.Phonetics;

namespace Saphan.Linkage.Tests.Phonetics;

public sealed class ThaiSoundexTests
{
    // Published vectors (issue 3; PyThaiNLP documentation and tests).
    [Theory]
    [InlineData("รัก", "ร1000")]
    [InlineData("รักษ์", "ร1000")]
    [InlineData("ลัก", "ร1000")]
    [InlineData("บูรณการ", "บE419")]
    [InlineData("ปัจจุบัน", "ป3E54")]
    [InlineData("รถ", "ร3000")]
    public void Lk82_PublishedVectors(string word, string expected) => Assert.Equal(expected, ThaiSoundex.Lk82(word));

    [Theory]
    [InlineData("รัก", "ร100000")]
    [InlineData("รักษ์", "ร100000")]
    [InlineData("ลัก", "ร100000")]
    [InlineData("บูรณการ", "บ931900")]
    [InlineData("ปัจจุบัน", "ป775300")]
    [InlineData("รถ", "ร800000")]
    public void Udom83_PublishedVectors(string word, string expected) => Assert.Equal(expected, ThaiSoundex.Udom83(word));

    [Theory]
    [InlineData("ลัก", 4, "ล100")]
    [InlineData("รัก", 4, "ร100")]
    [InlineData("รักษ์", 4, "ร100")]
    [InlineData("บูรณะ", 4, "บ550")]
    [InlineData("คน", 4, "ค500")]
    [InlineData("บูรณการ", 4, "บ551")]
    [InlineData("บูรณการ", 5, "บ5515")]
    [InlineData("บูรณการ", 6, "บ55150")]
    [InlineData("สรรค์พล", 4, "ส553")]
    [InlineData("รักษ์นา", 4, "ร150")]
    public void MetaSound_PublishedVectors(string word, int length, string expected) =>
        Assert.Equal(expected, ThaiSoundex.MetaSound(word, length));

    [Theory]
    [InlineData("king", "52")]
    [InlineData("คิง", "52")]
    [InlineData("vp", "11")]
    public void PrayutSomchai_PublishedVectorsAtLengthTwo(string word, string expected) =>
        Assert.Equal(expected, ThaiSoundex.PrayutSomchai(word, 2));

    [Fact]
    public void Lk82_SilentSaraUAfterToTao_SoundsLikeDoDek() => Assert.Equal(ThaiSoundex.Lk82("เหด"), ThaiSoundex.Lk82("เหตุ"));

    [Fact]
    public void Udom83_SilentSaraUAfterToTao_SoundsLikeDoDek() => Assert.Equal(ThaiSoundex.Udom83("เหด"), ThaiSoundex.Udom83("เหตุ"));

    [Fact]
    public void Lk82_SaraUAfterOtherConsonant_IsCoded() => Assert.NotEqual(ThaiSoundex.Lk82("เหด"), ThaiSoundex.Lk82("เหกุ"));

    [Theory]
    [InlineData("สมชาย", "สมชาย")]          // identical
    [InlineData("สมศักดิ์", "สมศัก")]        // silent letter
    [InlineData("ศรีสุข", "สีสุก")]           // ศ/ส, ร silent in ศรี, ข/ก at the end
    [InlineData("ธนพล", "ทนพน")]            // aspirated/unaspirated and final ล/น
    [InlineData("วิชัย", "วิไชย")]
    public void SimilarSoundingNames_ShareAtLeastOneKey(string a, string b)
    {
        var agree = ThaiSoundex.Lk82(a) == ThaiSoundex.Lk82(b)
            || ThaiSoundex.Udom83(a) == ThaiSoundex.Udom83(b)
            || ThaiSoundex.MetaSound(a) == ThaiSoundex.MetaSound(b);
        Assert.True(agree, $"{a}: {ThaiSoundex.Lk82(a)} {ThaiSoundex.Udom83(a)} {ThaiSoundex.MetaSound(a)}; {b}: {ThaiSoundex.Lk82(b)} {ThaiSoundex.Udom83(b)} {ThaiSoundex.MetaSound(b)}");
    }

    [Theory]
    [InlineData("สมชาย", "ประยุทธ")]
    [InlineData("มาลี", "บุญมา")]
    [InlineData("กนกวรรณ", "ทองดี")]
    public void DifferentNames_GetDifferentKeys(string a, string b)
    {
        Assert.NotEqual(ThaiSoundex.Lk82(a), ThaiSoundex.Lk82(b));
        Assert.NotEqual(ThaiSoundex.Udom83(a), ThaiSoundex.Udom83(b));
        Assert.NotEqual(ThaiSoundex.MetaSound(a), ThaiSoundex.MetaSound(b));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345")]
    [InlineData("\u0E48\u0E49")] // tone marks only
    public void TextWithoutThaiLetters_GivesEmptyThaiKeys(string text)
    {
        Assert.Equal("", ThaiSoundex.Lk82(text));
        Assert.Equal("", ThaiSoundex.Udom83(text));
        Assert.Equal("", ThaiSoundex.MetaSound(text));
    }

    [Fact]
    public void PrayutSomchai_WithoutLetters_IsEmpty() => Assert.Equal("", ThaiSoundex.PrayutSomchai("123 -"));

    [Theory]
    [InlineData("สมชาย ใจดี")]
    [InlineData("ณ อยุธยา")]
    public void ThaiKeys_IgnoreSpaces(string text)
    {
        var joined = text.Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(ThaiSoundex.Lk82(joined), ThaiSoundex.Lk82(text));
        Assert.Equal(ThaiSoundex.Udom83(joined), ThaiSoundex.Udom83(text));
        Assert.Equal(ThaiSoundex.MetaSound(joined), ThaiSoundex.MetaSound(text));
    }

    [Theory]
    [InlineData("สมชาย")]
    [InlineData("กรรมการ")]
    [InlineData("ไพโรจน์")]
    [InlineData("ใจดี")]
    [InlineData("จันทร์เพ็ญ")]
    [InlineData("อำพร")]
    public void KeysHaveTheirFixedLengths(string name)
    {
        Assert.Equal(ThaiSoundex.Lk82Length, ThaiSoundex.Lk82(name).Length);
        Assert.Equal(ThaiSoundex.Udom83Length, ThaiSoundex.Udom83(name).Length);
        Assert.Equal(6, ThaiSoundex.MetaSound(name, 6).Length);
        Assert.True(ThaiSoundex.PrayutSomchai(name, 3).Length <= 3);
    }

    [Fact]
    public void ToneMarks_DoNotChangeAnyKey()
    {
        Assert.Equal(ThaiSoundex.Lk82("สมหมาย"), ThaiSoundex.Lk82("สมหม่าย"));
        Assert.Equal(ThaiSoundex.Udom83("สมหมาย"), ThaiSoundex.Udom83("สมหม่าย"));
        Assert.Equal(ThaiSoundex.MetaSound("สมหมาย"), ThaiSoundex.MetaSound("สมหม่าย"));
    }

    [Fact]
    public void Udom83_RoRanIsReadAsAn()
    {
        // รร between consonants is "a" (กรรมการ = กัมการ); otherwise "an" (สรร = สัน).
        Assert.Equal(ThaiSoundex.Udom83("กัมการ"), ThaiSoundex.Udom83("กรรมการ"));
        Assert.Equal(ThaiSoundex.Udom83("สัน"), ThaiSoundex.Udom83("สรร"));
    }

    [Fact]
    public void Udom83_SaraAmCodesAsMoMa() => Assert.Equal(ThaiSoundex.Udom83("อัมพร"), ThaiSoundex.Udom83("อำพร"));

    [Theory]
    [InlineData("ling", "ลิง")]
    [InlineData("SING", "ซิง")]
    [InlineData("KING", "คิง")]
    public void PrayutSomchai_CrossesScripts_AtLengthTwo(string latin, string thai) =>
        Assert.Equal(ThaiSoundex.PrayutSomchai(latin, 2), ThaiSoundex.PrayutSomchai(thai, 2));

    [Fact]
    public void PrayutSomchai_FoldsLatinCase() =>
        Assert.Equal(ThaiSoundex.PrayutSomchai("SOMCHAI"), ThaiSoundex.PrayutSomchai("somchai"));

    [Fact]
    public void PrayutSomchai_KeepsTheLastDigits() => Assert.Equal("2752", ThaiSoundex.PrayutSomchai("king"));

    [Fact]
    public void PrayutSomchai_ChoChangIsCodedLikeChoChing() =>
        Assert.Equal(ThaiSoundex.PrayutSomchai("ฉา"), ThaiSoundex.PrayutSomchai("ชา"));

    [Fact]
    public void SpanOverloads_MatchStringOverloads()
    {
        Span<char> buffer = stackalloc char[8];
        foreach (var name in new[] { "สมชาย", "ประยุทธ์", "บูรณการ", "เหตุ" })
        {
            Assert.Equal(ThaiSoundex.Lk82(name), new string(buffer[..ThaiSoundex.Lk82(name.AsSpan(), buffer)]));
            Assert.Equal(ThaiSoundex.Udom83(name), new string(buffer[..ThaiSoundex.Udom83(name.AsSpan(), buffer)]));
            Assert.Equal(ThaiSoundex.MetaSound(name, 5), new string(buffer[..ThaiSoundex.MetaSound(name.AsSpan(), buffer[..5])]));
            Assert.Equal(ThaiSoundex.PrayutSomchai(name, 4), new string(buffer[..ThaiSoundex.PrayutSomchai(name.AsSpan(), buffer[..4])]));
        }
    }

    [Fact]
    public void LongInput_UsesPooledBuffers_AndGivesTheSameKeyAsItsStart()
    {
        var longName = string.Concat(Enumerable.Repeat("สมชาย", 60));
        Assert.Equal(ThaiSoundex.MetaSound("สมชายสมชาย", 4), ThaiSoundex.MetaSound(longName, 4));
        Assert.Equal(ThaiSoundex.Lk82("สมชายสมชาย"), ThaiSoundex.Lk82(longName));
        Assert.Equal(ThaiSoundex.Udom83("สมชายสมชาย"), ThaiSoundex.Udom83(longName));
    }

    [Fact]
    public void TooSmallDestination_Throws()
    {
        var small = new char[3];
        Assert.Throws<ArgumentException>(() => ThaiSoundex.Lk82("สมชาย".AsSpan(), small));
        Assert.Throws<ArgumentException>(() => ThaiSoundex.Udom83("สมชาย".AsSpan(), small));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThaiSoundex.MetaSound("สมชาย", 0));
    }
}

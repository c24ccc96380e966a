using Saphan.Linkage.Model;

namespace Saphan.Linkage.Tests.Model;

public sealed class NameKeysTests
{
    [Theory]
    [InlineData("สมชาย", "สมชัย")] // vowel length
    [InlineData("ศรีสุข", "สรีสุข")] // ศ/ส
    [InlineData("กัณทิมา", "กัณฑิมา")] // ท/ฑ
    [InlineData("สมศักดิ์", "สมศัก")] // silent letter under thanthakhat
    [InlineData("น้องบาส", "นองบาส")] // tone mark dropped
    [InlineData("ภัทรา", "พัทรา")] // ภ/พ
    public void SoundKey_SimilarSoundingSpellings_Agree(string a, string b) =>
        Assert.Equal(NameKeys.SoundKey(a), NameKeys.SoundKey(b));

    [Theory]
    [InlineData("จันทร์เพ็ญ", "จันเพ็ญ")] // silent pair ทร under thanthakhat (the shared comparison key)
    [InlineData("อัมพร", "อำพร")]         // ัม written for ำ
    [InlineData("ใจดี", "ไจดี")]          // ใ/ไ
    [InlineData("สม-ชาย", "สมชาย")]      // punctuation
    public void SoundKey_FollowsTheSharedComparisonKey(string a, string b) =>
        Assert.Equal(NameKeys.SoundKey(a), NameKeys.SoundKey(b));

    [Theory]
    [InlineData("รัสรินทร์", "รสริน")]
    [InlineData("อภิโรจน์", "อัมพร")]
    [InlineData("ชนินทร์", "ชีณ")]
    public void ConsonantSkeleton_KeepsSilencedLetters_SoShortNamesDoNotAgreeByChance(string a, string b) =>
        Assert.NotEqual(NameKeys.ConsonantSkeleton(a), NameKeys.ConsonantSkeleton(b));

    [Fact]
    public void DifferentNamesSharingOnlyAShortSkeleton_AreNotAPhoneticAgreement()
    {
        // Two people with one birth date linked at 1 M synthetic records when ชนินทร์ lost ทร to its skeleton.
        Assert.False(NameKeys.AnyAgree(NameKeys.Codes("ชนินทร์"), NameKeys.Codes("ชีณ")));
        Assert.True(NameKeys.AnyAgree(NameKeys.Codes("ชนินทร์"), NameKeys.Codes("ชนิน")));
    }

    [Fact]
    public void Normalise_UpperCasesLatin_AndKeepsThaiInstances()
    {
        Assert.Equal("JOHN O'NEIL", NameKeys.Normalise("John O'Neil"));
        const string thai = "สมชาย";
        Assert.Same(thai, NameKeys.Normalise(thai));
    }

    [Theory]
    [InlineData("สมชาย", "สมหญิง")]
    [InlineData("มาลี", "มานี")]
    public void SoundKey_DifferentNames_Differ(string a, string b) =>
        Assert.NotEqual(NameKeys.SoundKey(a), NameKeys.SoundKey(b));

    [Fact]
    public void Normalise_RemovesZeroWidthAndFoldsSpacesAndThaiDigits() =>
        Assert.Equal("สม ชาย 12", NameKeys.Normalise(" ส\u200Bม   ชาย ๑๒ "));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \u200B ")]
    public void Normalise_Blank_IsNull(string? text) => Assert.Null(NameKeys.Normalise(text));

    [Fact]
    public void Codes_OfNothing_AreAllZero_AndNeverAgree()
    {
        var none = NameKeys.Codes(null);
        Assert.False(NameKeys.AnyAgree(none, none));
    }
}

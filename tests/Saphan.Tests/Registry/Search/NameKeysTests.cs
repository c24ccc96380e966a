using Saphan.Registry.Search;

namespace Saphan.Tests.Registry.Search;

public sealed class NameKeysTests
{
    [Theory]
    [InlineData("สมศักดิ์", "สมศัก")]   // silent letter typed or not
    [InlineData("สมศักดิ์", "สมสักดิ์")] // ศ/ส
    [InlineData("สมศักดิ์", "สมศักดิ")]  // thanthakhat forgotten
    [InlineData("ประเสริฐ", "ประเสริท")]
    [InlineData("ใจดี", "ไจดี")]         // sara ai mai muan / mai malai
    public void Misspellings_share_a_phonetic_key(string name, string typed)
    {
        Assert.True(NameKeys.Of(name).SoundsAgree(NameKeys.Of(typed)) > 0, $"{name} / {typed}");
    }

    [Theory]
    [InlineData("น้ำผึ้ง", "นำผึง")]
    [InlineData("น้ำผึ้ง", "น้ำผึ่ง")]
    [InlineData("สมศักดิ์", "สมศัก")]
    [InlineData("Smith", "SMITH")]
    [InlineData("smith", "Smith")]
    public void Tone_marks_silent_letters_and_latin_case_do_not_change_the_comparison_key(string name, string typed)
    {
        Assert.Equal(NameKeys.Of(name).Key, NameKeys.Of(typed).Key);
    }

    [Theory]
    [InlineData("สมชาย", "มาลี")]
    [InlineData("สมศักดิ์", "ประเสริฐ")]
    public void Different_names_do_not_sound_alike(string a, string b)
    {
        Assert.Equal(0, NameKeys.Of(a).SoundsAgree(NameKeys.Of(b)));
        Assert.NotEqual(NameKeys.Of(a).Key, NameKeys.Of(b).Key);
    }

    [Fact]
    public void Latin_names_have_no_thai_phonetic_keys_so_they_never_sound_alike_through_empty_keys()
    {
        var smith = NameKeys.Of("SMITH");
        var brown = NameKeys.Of("BROWN");
        Assert.Null(smith.Lk82);
        Assert.Null(smith.Udom83);
        Assert.Null(smith.MetaSound);
        Assert.Equal(0, smith.SoundsAgree(brown));
    }

    [Fact]
    public void No_name_has_no_keys()
    {
        Assert.Equal(NameKeys.None, NameKeys.Of(null));
        Assert.Equal(NameKeys.None, NameKeys.Of("  "));
    }

    [Fact]
    public void Nickname_and_aliases_are_kept_word_by_word_between_spaces()
    {
        Assert.Equal(" ดำ ลุงดำ ", NameKeys.OtherNamesKey("ดำ", "ลุงดำ; ดำ"));
        Assert.Equal(" JOE ", NameKeys.OtherNamesKey(null, "joe"));
        Assert.Null(NameKeys.OtherNamesKey(null, null));
        Assert.Null(NameKeys.OtherNamesKey(" ", ";"));
    }
}

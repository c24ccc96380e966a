using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class ThaiNameTests
{
    [Theory]
    [InlineData("นายสมชาย ใจดี", "นาย", "สมชาย", "ใจดี", Sex.Male)]
    [InlineData("นาย สมชาย ใจดี", "นาย", "สมชาย", "ใจดี", Sex.Male)]
    [InlineData("นางสมศรี ใจดี", "นาง", "สมศรี", "ใจดี", Sex.Female)]
    [InlineData("นางสาวมาลี ศรีสุข", "นางสาว", "มาลี", "ศรีสุข", Sex.Female)]
    [InlineData("น.ส.มาลี ศรีสุข", "นางสาว", "มาลี", "ศรีสุข", Sex.Female)]
    [InlineData("น. ส. มาลี ศรีสุข", "นางสาว", "มาลี", "ศรีสุข", Sex.Female)]
    [InlineData("นส.มาลี ศรีสุข", "นางสาว", "มาลี", "ศรีสุข", Sex.Female)]
    [InlineData("นส มาลี ศรีสุข", "นางสาว", "มาลี", "ศรีสุข", Sex.Female)]
    [InlineData("เด็กชายก้อง ใจดี", "เด็กชาย", "ก้อง", "ใจดี", Sex.Male)]
    [InlineData("ด.ช.ก้อง ใจดี", "เด็กชาย", "ก้อง", "ใจดี", Sex.Male)]
    [InlineData("ดช ก้อง ใจดี", "เด็กชาย", "ก้อง", "ใจดี", Sex.Male)]
    [InlineData("เด็กหญิงฟ้า ใจดี", "เด็กหญิง", "ฟ้า", "ใจดี", Sex.Female)]
    [InlineData("ด.ญ.ฟ้า ใจดี", "เด็กหญิง", "ฟ้า", "ใจดี", Sex.Female)]
    [InlineData("ดญ.ฟ้า ใจดี", "เด็กหญิง", "ฟ้า", "ใจดี", Sex.Female)]
    [InlineData("ดร.สมชาย ใจดี", "ดร.", "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("ผศ.ดร.สมชาย ใจดี", "ผศ. ดร.", "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("รศ. สมชาย ใจดี", "รศ.", "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("ศ.นพ.สมชาย ใจดี", "ศ. นพ.", "สมชาย", "ใจดี", Sex.Male)]
    [InlineData("จ.ส.อ.สมชาย ใจดี", "จ.ส.อ.", "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("จ่าสิบเอกสมชาย ใจดี", "จ.ส.อ.", "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("ส.ต.ท.สมชาย ใจดี", "ส.ต.ท.", "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("พ.ต.อ.สมชาย ใจดี", "พ.ต.อ.", "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("พันตำรวจเอก สมชาย ใจดี", "พ.ต.อ.", "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("ร.ต.อ.หญิงมาลี ศรีสุข", "ร.ต.อ.หญิง", "มาลี", "ศรีสุข", Sex.Female)]
    [InlineData("พล.อ.ประยุทธ์ จันทร์โอชา", "พล.อ.", "ประยุทธ์", "จันทร์โอชา", Sex.Unknown)]
    [InlineData("ว่าที่ร้อยตรีสมชาย ใจดี", "ว่าที่ ร.ต.", "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("ว่าที่ ร.ต. สมชาย ใจดี", "ว่าที่ ร.ต.", "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("ว่าที่ร.ต.หญิง มาลี ศรีสุข", "ว่าที่ ร.ต.หญิง", "มาลี", "ศรีสุข", Sex.Female)]
    [InlineData("พระสมชาย ใจดี", null, "พระสมชาย", "ใจดี", Sex.Unknown)] // พระ must stand apart: could begin a name
    [InlineData("พระ สมชาย ใจดี", "พระ", "สมชาย", "ใจดี", Sex.Male)]
    [InlineData("พระครูสมชาย ใจดี", "พระครู", "สมชาย", "ใจดี", Sex.Male)]
    [InlineData("พระมหาสมชาย ใจดี", "พระมหา", "สมชาย", "ใจดี", Sex.Male)]
    [InlineData("สามเณรก้อง ใจดี", "สามเณร", "ก้อง", "ใจดี", Sex.Male)]
    [InlineData("ส.ณ.ก้อง ใจดี", "สามเณร", "ก้อง", "ใจดี", Sex.Male)]
    [InlineData("แม่ชีมาลี ศรีสุข", "แม่ชี", "มาลี", "ศรีสุข", Sex.Female)]
    [InlineData("คุณ มาลี ศรีสุข", "คุณ", "มาลี", "ศรีสุข", Sex.Unknown)]
    [InlineData("คุณากร ศรีสุข", null, "คุณากร", "ศรีสุข", Sex.Unknown)]    // not คุณ + ากร
    [InlineData("นางนวล ศรีสุข", "นาง", "นวล", "ศรีสุข", Sex.Female)]       // glued civil titles are taken
    [InlineData("สมชาย ณ อยุธยา", null, "สมชาย", "ณ อยุธยา", Sex.Unknown)]
    [InlineData("ม.ร.ว.สมชาย ณ อยุธยา", "ม.ร.ว.", "สมชาย", "ณ อยุธยา", Sex.Unknown)]
    [InlineData("น.อ.สมชาย ใจดี ร.น.", "น.อ.", "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("สมชาย (ชาย) ใจดี", null, "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("สมชาย", null, "สมชาย", null, Sex.Unknown)]
    [InlineData("นาย", "นาย", null, null, Sex.Male)]
    [InlineData("Mr. John Smith", "Mr", "JOHN", "SMITH", Sex.Male)]
    [InlineData("MRS JANE SMITH", "Mrs", "JANE", "SMITH", Sex.Female)]
    [InlineData("miss jane smith", "Miss", "JANE", "SMITH", Sex.Female)]
    [InlineData("Ms. Jane Ann Smith", "Ms", "JANE ANN", "SMITH", Sex.Female)]
    [InlineData("Smith, John", null, "JOHN", "SMITH", Sex.Unknown)]
    [InlineData("SOMCHAI NA AYUTTHAYA", null, "SOMCHAI", "NA AYUTTHAYA", Sex.Unknown)]
    [InlineData("Missy Smith", null, "MISSY", "SMITH", Sex.Unknown)] // not Miss + y
    [InlineData("นาย\u200Bสมชาย  ใจดี", "นาย", "สมชาย", "ใจดี", Sex.Male)]
    public void Parse_FullName(string input, string? title, string? given, string? family, Sex sex)
    {
        var name = ThaiName.Parse(input);
        Assert.Equal(title, name.Title);
        Assert.Equal(given, name.GivenName);
        Assert.Equal(family, name.FamilyName);
        Assert.Equal(sex, name.SexHint);
    }

    [Theory]
    [InlineData(null, "นายสมชาย", "ใจดี", "นาย", "สมชาย", "ใจดี", Sex.Male)]
    [InlineData("น.ส.", "มาลี", "ศรีสุข", "นางสาว", "มาลี", "ศรีสุข", Sex.Female)]
    [InlineData("นางสาว", "นางสาวมาลี", "ศรีสุข", "นางสาว", "มาลี", "ศรีสุข", Sex.Female)]
    [InlineData("ด.ช.", "ก้อง", "", "เด็กชาย", "ก้อง", null, Sex.Male)]
    [InlineData("", "สมชาย ใจดี", null, null, "สมชาย", "ใจดี", Sex.Unknown)]
    [InlineData("นาย", "สมชาย", "ณ อยุธยา", "นาย", "สมชาย", "ณ อยุธยา", Sex.Male)]
    [InlineData("หม่อม", "สมชาย", "ใจดี", "หม่อม", "สมชาย", "ใจดี", Sex.Unknown)]    // unknown title kept as written
    [InlineData("Mr", "john", "smith", "Mr", "JOHN", "SMITH", Sex.Male)]
    [InlineData(null, null, null, null, null, null, Sex.Unknown)]
    public void Parse_SplitColumns(string? titleIn, string? givenIn, string? familyIn, string? title, string? given, string? family, Sex sex)
    {
        var name = ThaiName.Parse(titleIn, givenIn, familyIn);
        Assert.Equal(title, name.Title);
        Assert.Equal(given, name.GivenName);
        Assert.Equal(family, name.FamilyName);
        Assert.Equal(sex, name.SexHint);
    }

    [Theory]
    [InlineData("น.ส.", "นางสาว", Sex.Female, TitleKind.Civil)]
    [InlineData("นส", "นางสาว", Sex.Female, TitleKind.Civil)]
    [InlineData("ด.ญ.", "เด็กหญิง", Sex.Female, TitleKind.Child)]
    [InlineData("พตอ", "พ.ต.อ.", Sex.Unknown, TitleKind.Police)]
    [InlineData("พลตำรวจเอก", "พล.ต.อ.", Sex.Unknown, TitleKind.Police)]
    [InlineData("ร้อยตรี", "ร.ต.", Sex.Unknown, TitleKind.Military)]
    [InlineData("MRS.", "Mrs", Sex.Female, TitleKind.English)]
    [InlineData("แพทย์หญิง", "พญ.", Sex.Female, TitleKind.Professional)]
    [InlineData("ส.ณ.", "สามเณร", Sex.Male, TitleKind.Monastic)]
    public void TitleTryParse_RecognisesTitlesAlone(string text, string canonical, Sex sex, TitleKind kind)
    {
        Assert.True(ThaiTitle.TryParse(text, out var title));
        Assert.Equal(canonical, title.Canonical);
        Assert.Equal(sex, title.Sex);
        Assert.Equal(kind, title.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("นายก")]          // a word that starts like นาย
    [InlineData("นาย สมชาย")]     // a title and a name
    [InlineData("ท่าน")]
    [InlineData("ว่าที่")]        // acting, without a rank
    [InlineData("ว่าที่ นาย")]    // acting applies to ranks only
    public void TitleTryParse_RefusesWhatIsNotATitleAlone(string text) => Assert.False(ThaiTitle.TryParse(text, out _));
}

using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class OtherIdentifierTests
{
    [Theory]
    [InlineData("AA1234567", "AA1234567", OtherIdentifierKind.PassportLike)]
    [InlineData("ma 123-456", "MA123456", OtherIdentifierKind.PassportLike)]
    [InlineData("0012345678901", "0012345678901", OtherIdentifierKind.NonThaiStatusNumber)]
    [InlineData("6-1234-56789-01-2", "6123456789012", OtherIdentifierKind.NonThaiStatusNumber)]
    [InlineData("7123456789012", "7123456789012", OtherIdentifierKind.NonThaiStatusNumber)]
    [InlineData("1112034563562", "1112034563562", OtherIdentifierKind.ThaiCitizenNumber)]
    [InlineData("๖๑๒๓๔๕๖๗๘๙๐๑๒", "6123456789012", OtherIdentifierKind.NonThaiStatusNumber)]
    [InlineData("12345", "12345", OtherIdentifierKind.OtherNumber)]
    [InlineData("ABCDEFG", "ABCDEFG", OtherIdentifierKind.Unknown)]
    [InlineData("A1", "A1", OtherIdentifierKind.Unknown)]
    [InlineData("เลข123", "เลข123", OtherIdentifierKind.Unknown)]
    [InlineData("", "", OtherIdentifierKind.Unknown)]
    public void Classify(string text, string value, OtherIdentifierKind kind)
    {
        var id = OtherIdentifier.Classify(text);
        Assert.Equal(value, id.Value);
        Assert.Equal(kind, id.Kind);
    }

    [Theory]
    [InlineData("0112034563562", true)]
    [InlineData("6112034563562", true)]
    [InlineData("7112034563562", true)]
    [InlineData("1112034563562", false)]
    [InlineData("612345", false)]
    public void IsNonThaiStatus(string text, bool expected) => Assert.Equal(expected, OtherIdentifier.IsNonThaiStatus(CitizenId.Parse(text)));
}

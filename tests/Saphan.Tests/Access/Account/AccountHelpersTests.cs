using Saphan.Access.Account;

namespace Saphan.Tests.Access.Account;

public sealed class AuthenticatorCodeTests
{
    [Theory]
    [InlineData("123456", "123456")]
    [InlineData(" 123 456 ", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("012345", "012345")]
    public void A_typed_code_is_cleaned_to_six_digits(string typed, string expected) => Assert.Equal(expected, AuthenticatorCode.Clean(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData("๑๒๓๔๕๖")] // Thai digits are digits to char.IsDigit, but no authenticator app shows them
    public void Anything_but_six_ascii_digits_is_refused(string? typed) => Assert.Null(AuthenticatorCode.Clean(typed));

    [Theory]
    [InlineData("ABCDEFGHIJKLMNOP", "abcd efgh ijkl mnop")]
    [InlineData("ABCDEFGHIJ", "abcd efgh ij")]
    [InlineData("ABC", "abc")]
    [InlineData("", "")]
    public void The_key_is_shown_in_groups_of_four(string key, string shown) => Assert.Equal(shown, AuthenticatorCode.FormatKey(key));

    [Fact]
    public void The_uri_follows_the_key_uri_format_with_the_user_name_escaped()
    {
        var uri = AuthenticatorCode.Uri("dep.housing", "ABCDEFGHIJKLMNOP");
        Assert.Equal("otpauth://totp/Saphan:dep.housing?secret=ABCDEFGHIJKLMNOP&issuer=Saphan&digits=6", uri);
        Assert.Contains("Saphan:%E0%B8%AA%E0%B8%A1%20a", AuthenticatorCode.Uri("สม a", "K"));
    }

    [Fact]
    public void The_qr_code_is_a_png_data_uri()
    {
        var dataUri = AuthenticatorCode.QrPngDataUri(AuthenticatorCode.Uri("officer1043", "ABCDEFGHIJKLMNOP"));
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, dataUri);
        var png = Convert.FromBase64String(dataUri[prefix.Length..]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.NotEqual(dataUri, AuthenticatorCode.QrPngDataUri(AuthenticatorCode.Uri("officer1043", "QRSTUVWXYZ234567")));
    }
}

public sealed class WorkPhoneTests
{
    [Theory]
    [InlineData("02 123 4567", "02 123 4567")]
    [InlineData("  081-234-5678 ", "081-234-5678")]
    [InlineData("081  234   5678", "081 234 5678")]
    [InlineData("+66 81 234 5678", "+66 81 234 5678")]
    [InlineData("(02) 123 4567", "(02) 123 4567")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Thai_numbers_as_officers_type_them_are_kept(string? typed, string expected) => Assert.Equal(expected, WorkPhone.Clean(typed));

    [Theory]
    [InlineData("1234")]
    [InlineData("02 123 456")]
    [InlineData("0812345678901234")]
    [InlineData("081 234 567x")]
    [InlineData("66+81 234 5678")]
    [InlineData("<script>")]
    [InlineData("๐๘๑ ๒๓๔ ๕๖๗๘")]
    public void Anything_else_is_refused(string typed) => Assert.Null(WorkPhone.Clean(typed));
}

public sealed class AccountStatusTests
{
    [Theory]
    [InlineData("AccountProfileSaved", false)]
    [InlineData("TwoFactorNotOn", true)]
    public void A_status_survives_the_cookie(string key, bool isError)
    {
        var status = new AccountStatus(key, isError);
        Assert.Equal(status, AccountStatus.FromCookie(status.ToCookie()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AccountProfileSaved")]
    [InlineData("error:")]
    [InlineData("done:<b>hi</b>")]
    [InlineData("error:Unable to load user with ID '42'.")]
    [InlineData("warn:AccountProfileSaved")]
    public void A_cookie_that_is_not_a_status_is_ignored(string? cookie) => Assert.Null(AccountStatus.FromCookie(cookie));
}

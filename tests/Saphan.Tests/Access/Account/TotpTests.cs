using System.Text;

namespace Saphan.Tests.Access.Account;

/// <summary>The tests' own TOTP against the RFC 6238 appendix B vectors (SHA-1 key "12345678901234567890"), last 6 digits.</summary>
public sealed class TotpTests
{
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Matches_the_rfc_6238_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void Reads_the_key_as_the_page_shows_it()
    {
        Assert.Equal("12345678901234567890", Encoding.ASCII.GetString(Totp.Base32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")));
        Assert.Throws<FormatException>(() => Totp.Base32("GEZD1"));
    }

    [Fact]
    public void A_wrong_code_is_none_of_the_codes_around_now()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var wrong = Totp.WrongCode(RfcKey, now);
        for (var step = -3; step <= 3; step++)
            Assert.NotEqual(Totp.Code(RfcKey, now.AddSeconds(30 * step)), wrong);
        Assert.Matches("^[0-9]{6}$", wrong);
    }
}

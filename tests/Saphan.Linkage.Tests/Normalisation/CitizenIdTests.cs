using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class CitizenIdTests
{
    [Theory]
    [InlineData("1112034563562", "1112034563562", CitizenIdProblem.None)]
    [InlineData("1-1120-34563-56-2", "1112034563562", CitizenIdProblem.None)]
    [InlineData("1 1120 34563 56 2", "1112034563562", CitizenIdProblem.None)]
    [InlineData("๑๑๑๒๐๓๔๕๖๓๕๖๒", "1112034563562", CitizenIdProblem.None)]
    [InlineData("1.1120.34563.56.2", "1112034563562", CitizenIdProblem.None)]
    [InlineData("1112034563563", "1112034563563", CitizenIdProblem.BadCheckDigit)]
    [InlineData("0112034563562", "0112034563562", CitizenIdProblem.StartsWithZero)]
    [InlineData("12345", "12345", CitizenIdProblem.WrongLength)]
    [InlineData("11120345635621", "11120345635621", CitizenIdProblem.WrongLength)]
    [InlineData("AA1234567", "1234567", CitizenIdProblem.NotDigits)]
    [InlineData("", "", CitizenIdProblem.NotDigits)]
    public void Parse_CleansAndFlags(string text, string digits, CitizenIdProblem problem)
    {
        var id = CitizenId.Parse(text);
        Assert.Equal(digits, id.Digits);
        Assert.Equal(problem, id.Problem);
        Assert.Equal(problem == CitizenIdProblem.None, id.IsValid);
    }

    [Fact]
    public void CheckDigit_OfTheWorkedExample_IsTwo() => Assert.Equal(2, CitizenId.CheckDigit("111203456356"));

    [Fact]
    public void Formatted_AndMasked()
    {
        var id = CitizenId.Parse("1112034563562");
        Assert.Equal("1-1120-34563-56-2", id.Formatted);
        Assert.Equal("xxxxxxxxx3562", id.Masked);
        Assert.Equal("12345", CitizenId.Parse("12345").Formatted);
    }

    [Fact]
    public void CheckDigit_TooShort_Throws() => Assert.Throws<ArgumentException>(() => CitizenId.CheckDigit("12345"));

    [Fact]
    public void RandomPrefixes_ValidateWithTheirCheckDigit()
    {
        var random = new Random(1112034563);
        for (var n = 0; n < 1000; n++)
        {
            var digits = RandomPrefix(random);
            digits[12] = (char)('0' + CitizenId.CheckDigit(digits));
            Assert.True(CitizenId.Parse(new string(digits)).IsValid, new string(digits));
            Assert.Equal(Oracle(digits), digits[12] - '0');
        }
    }

    /// <summary>
    /// Property: a single-digit change invalidates the number, with the two blind spots that the DOPA scheme itself has:
    /// the third digit has weight 11 (≡ 0 mod 11), so a change there never shows; and remainders 0 and 10 give the same
    /// check digit 1. Every other change must be caught, and the blind spots stay rare.
    /// </summary>
    [Fact]
    public void RandomPrefixes_AnySingleDigitChangeInvalidates_ExceptTheSchemesBlindSpots()
    {
        var random = new Random(20240229);
        int changes = 0, undetected = 0;
        for (var n = 0; n < 300; n++)
        {
            var digits = RandomPrefix(random);
            digits[12] = (char)('0' + Oracle(digits));
            for (var position = 1; position < 13; position++)
            {
                for (var d = '0'; d <= '9'; d++)
                {
                    if (d == digits[position]) continue;
                    var changed = digits.ToArray();
                    changed[position] = d;
                    changes++;
                    var blindSpot = position == 2 || (position < 12 && Oracle(changed) == digits[12] - '0');
                    var valid = CitizenId.Parse(new string(changed)).IsValid;
                    Assert.Equal(blindSpot, valid);
                    if (valid) undetected++;
                }
            }
        }
        Assert.True(undetected < changes * 0.15, $"{undetected} of {changes} changes undetected");
    }

    private static char[] RandomPrefix(Random random)
    {
        var digits = new char[13];
        digits[0] = (char)('1' + random.Next(8));
        for (var i = 1; i < 12; i++) digits[i] = (char)('0' + random.Next(10));
        return digits;
    }

    /// <summary>The published formula written independently: x = Σ(14−i)·dᵢ for i = 1..12 mod 11, d13 = (11 − x) mod 10.</summary>
    private static int Oracle(char[] digits)
    {
        var x = 0;
        for (var i = 1; i <= 12; i++) x += (14 - i) * (digits[i - 1] - '0');
        return (11 - x % 11) % 10;
    }
}

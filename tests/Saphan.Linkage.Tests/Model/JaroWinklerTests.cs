using Saphan.Linkage.Model;

namespace Saphan.Linkage.Tests.Model;

public sealed class JaroWinklerTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.9611)]
    [InlineData("DWAYNE", "DUANE", 0.84)]
    [InlineData("DIXON", "DICKSONX", 0.8133)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.8963)]
    public void Similarity_PublishedExamples_Match(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    [Fact]
    public void Similarity_EqualStrings_IsOne() => Assert.Equal(1.0, JaroWinkler.Similarity("สมชาย", "สมชาย"));

    [Theory]
    [InlineData("", "สมชาย")]
    [InlineData("abc", "")]
    [InlineData("abc", "xyz")]
    public void Similarity_EmptyOrDisjoint_IsZero(string a, string b) => Assert.Equal(0.0, JaroWinkler.Similarity(a, b));

    [Theory]
    [InlineData("สมชาย", "สมชัย")]
    [InlineData("กัณทิมา", "กัณฑิมา")]
    [InlineData("MARTHA", "MARHTA")]
    [InlineData("a", "abcdefghijklmnopqrstuvwxyz")]
    public void Similarity_IsSymmetric(string a, string b) =>
        Assert.Equal(JaroWinkler.Similarity(a, b), JaroWinkler.Similarity(b, a), 12);

    [Fact]
    public void Similarity_LongStrings_DoNotOverflowTheStackBuffers()
    {
        var a = new string('ก', 500) + "x";
        var b = new string('ก', 500) + "y";
        Assert.InRange(JaroWinkler.Similarity(a, b), 0.99, 1.0);
    }
}

using System.Globalization;
using Saphan.Linkage.Phonetics;
using Saphan.Linkage.Tests.Normalisation;

namespace Saphan.Linkage.Tests.Phonetics;

public sealed class CrossScriptKeyTests
{
    [Theory]
    [InlineData("สมพงษ์", "Sompong")]
    [InlineData("สมพงษ์", "Somphong")]
    [InlineData("รุ่งเรือง", "Rungrueang")]
    [InlineData("สมชาย", "Somchai")]
    [InlineData("ใจดี", "Jaidee")]
    [InlineData("ประยุทธ์", "Prayut")]
    [InlineData("จันทร์", "Chan")]
    [InlineData("วิชัย", "Wichai")]
    [InlineData("มาลี", "Malee")]
    [InlineData("ธนากร", "Thanakorn")]
    [InlineData("ปราณี", "Pranee")]
    [InlineData("ศรีสุข", "Srisuk")]
    [InlineData("ศรีสุข", "Sisuk")]
    [InlineData("บุญมา", "Boonma")]
    [InlineData("ภัทร", "Phat")]
    [InlineData("จักร", "Chak")]
    [InlineData("แก้วมณี", "Kaewmanee")]
    [InlineData("สำราญ", "Samran")]
    [InlineData("ราชวัง", "Ratchawang")]
    [InlineData("ธรรมสพน์", "Thammasop")]
    public void A_thai_name_and_its_usual_romanisations_share_the_key(string thai, string latin) =>
        Assert.Equal(CrossScriptKey.Of(thai), CrossScriptKey.Of(latin));

    [Theory]
    [InlineData("สมพงษ์", "Somsak")]
    [InlineData("มาลี", "Somsri")]
    [InlineData("ประยุทธ์", "Prasong")]
    [InlineData("รุ่งเรือง", "Rungroj")]
    public void Names_that_sound_different_do_not(string thai, string latin) =>
        Assert.NotEqual(CrossScriptKey.Of(thai), CrossScriptKey.Of(latin));

    [Theory]
    [InlineData("", "")]
    [InlineData("  12-3 ", "")]
    [InlineData("อ๋อย", "")]
    [InlineData("SOMPONG", "SMPG")]
    [InlineData("สมพงษ์", "SMPG")]
    public void Keys_are_consonant_groups_only(string name, string key) => Assert.Equal(key, CrossScriptKey.Of(name));

    [Fact]
    public void Nearly_every_bangkok_place_name_meets_its_official_romanisation()
    {
        // 230 real pairs (the 180 subdistricts and 50 districts with their RTGS names, data/geography): place names are
        // compounds of the same syllables as personal names, and the romanisations are the official ones.
        var pairs = new List<(string Thai, string Latin)>();
        foreach (var file in new[] { "bangkok_subdistricts.csv", "bangkok_districts.csv" })
        {
            var lines = File.ReadAllLines(Path.Combine(ReferenceData.RepoRoot(), "data", "geography", file));
            var header = lines[0].Split(',');
            var (th, en) = (Array.IndexOf(header, "name_th"), Array.IndexOf(header, "name_en"));
            pairs.AddRange(lines.Skip(1).Select(l => l.Split(',')).Select(c => (c[th], c[en])));
        }
        var agree = pairs.Count(p => CrossScriptKey.Of(p.Thai) == CrossScriptKey.Of(p.Latin));

        Assert.Equal(230, pairs.Count);
        Assert.True(agree >= 0.95 * pairs.Count, string.Create(CultureInfo.InvariantCulture, $"{agree} of {pairs.Count} agree"));
    }
}

using Microsoft.Extensions.Time.Testing;
using Saphan.Access;
using Saphan.Localization;

namespace Saphan.Tests.Localization;

/// <summary>"Today" is the day in Bangkok: between 00:00 and 07:00 Bangkok time the UTC date is still yesterday.</summary>
public sealed class BangkokTimeTests
{
    [Theory]
    [InlineData("2026-11-24T16:59:59Z", "2026-11-24")] // 23:59:59 in Bangkok
    [InlineData("2026-11-24T17:00:00Z", "2026-11-25")] // midnight in Bangkok, 17:00 UTC the day before
    [InlineData("2026-11-25T06:30:00Z", "2026-11-25")]
    public void Today_is_the_day_in_Bangkok(string utc, string day)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), clock.BangkokToday());
    }

    [Fact]
    public void Someone_turning_60_is_an_older_person_from_midnight_in_Bangkok()
    {
        // 01:00 in Bangkok on the 60th birthday; in UTC it is still the day before.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero));
        var scope = AccessScope.System("test", clock.BangkokToday());
        Assert.True(new DateOnly(1966, 11, 25) <= scope.OlderPersonBornOnOrBefore);
    }
}

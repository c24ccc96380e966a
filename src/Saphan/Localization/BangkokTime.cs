namespace Saphan.Localization;

/// <summary>
/// Bangkok's calendar day. "Today" for ages, verdicts, work lists and due dates is the day in Bangkok (UTC+7, no daylight
/// saving), not in UTC: a person who turns 60 is an older person from midnight in Bangkok, not from 07:00. Instants are
/// stored in UTC; only the day they fall on is Bangkok's.
/// </summary>
public static class BangkokTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The day it is in Bangkok now.</summary>
    public static DateOnly BangkokToday(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DayOf(clock.GetUtcNow());
    }

    /// <summary>The day an instant falls on in Bangkok.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}

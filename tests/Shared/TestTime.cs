using Microsoft.Extensions.Time.Testing;

namespace MootaDesk.Tests.Shared;

/// <summary>Clocks for tests: Microsoft's <see cref="FakeTimeProvider"/>, started where MootaDesk's tests expect.</summary>
public static class TestTime
{
    /// <summary>The tests' "now" unless a test says otherwise: Saturday 21 Nov 2026, 16:30 WIB (09:30 UTC).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A clock at <see cref="Start"/>, or at <paramref name="now"/>.</summary>
    public static FakeTimeProvider Create(DateTimeOffset? now = null) => new(now ?? Start);

    /// <summary>A Jakarta wall-clock time (UTC+7, no daylight saving) as a UTC instant.</summary>
    public static DateTimeOffset Jakarta(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    /// <summary>Moves the clock forward to a Jakarta wall-clock time; a fake clock never runs backwards, so start it earlier if needed.</summary>
    public static void SetJakarta(this FakeTimeProvider time, int year, int month, int day, int hour, int minute = 0) =>
        time.SetUtcNow(Jakarta(year, month, day, hour, minute));
}

namespace MootaDesk.Tests.Shared;

/// <summary>A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not in our registry).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private readonly object _gate = new();

    public ManualTimeProvider() : this(new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() { lock (_gate) return _now; }

    public void Advance(TimeSpan by) { lock (_gate) _now += by; }

    public void SetUtcNow(DateTimeOffset value) { lock (_gate) _now = value; }

    /// <summary>Sets the clock from a Jakarta wall-clock time (UTC+7, no daylight saving).</summary>
    public void SetJakarta(int year, int month, int day, int hour, int minute = 0) =>
        SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime());

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

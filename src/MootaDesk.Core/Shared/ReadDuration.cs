namespace MootaDesk.Core.Shared;

/// <summary>
/// A span as people say it: seconds under a minute, whole minutes under an hour, then hours and minutes
/// ("7 jam 48 menit", never "7.8 jam"). The caller words the units in the reader's language.
/// </summary>
public readonly record struct ReadDuration(int Hours, int Minutes, int Seconds)
{
    /// <summary>Rounds <paramref name="seconds"/> (not negative) to the unit that reads best.</summary>
    public static ReadDuration From(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0) seconds = 0;
        if (seconds < 59.5) return new(0, 0, (int)Math.Round(seconds, MidpointRounding.AwayFromZero));
        var minutes = (long)Math.Round(seconds / 60, MidpointRounding.AwayFromZero);
        return new((int)(minutes / 60), (int)(minutes % 60), 0);
    }
}

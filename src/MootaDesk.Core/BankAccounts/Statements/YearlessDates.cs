
namespace MootaDesk.Core.BankAccounts.Statements;

/// <summary>
/// Gives a year to dates written without one ("07/10", KlikBCA). With the statement's period, each date takes
/// the year that puts it inside the period, so a period across a year end (15/12/2026 – 14/01/2027) reads
/// "20/12" as 2026 and "03/01" as 2027. Without a period the person gives the year of the statement's last
/// day; when the file holds both December and January, July to December belong to the year before.
/// </summary>
public sealed class YearlessDates
{
    private readonly StatementPeriod? _period;
    private readonly int _year;
    private readonly bool _spansYearEnd;

    private YearlessDates(StatementPeriod? period, int year, bool spansYearEnd)
    {
        _period = period;
        _year = year;
        _spansYearEnd = spansYearEnd;
    }

    /// <summary>Throws <see cref="StatementMappingException"/> (<see cref="MappingProblem.YearNeeded"/>) when neither a period nor a year is known.</summary>
    public static YearlessDates For(IReadOnlyList<StatementLine> lines, int dateColumn, StatementPeriod? period, int? year)
    {
        if (period is not null) return new YearlessDates(period, 0, false);
        if (year is not int y || y is < 2000 or > 2100) throw new StatementMappingException(MappingProblem.YearNeeded, "");
        var months = new HashSet<int>();
        foreach (var line in lines)
            if (TryDayMonth(line.Cell(dateColumn), out _, out var month)) months.Add(month);
        return new YearlessDates(null, y, months.Contains(12) && months.Contains(1));
    }

    public bool TryResolve(string text, out DateTime date)
    {
        date = default;
        if (!TryDayMonth(text, out var day, out var month)) return false;
        if (_period is null)
        {
            var year = _spansYearEnd && month >= 7 ? _year - 1 : _year;
            if (day > DateTime.DaysInMonth(year, month)) return false;
            date = new DateTime(year, month, day);
            return true;
        }
        DateTime? best = null;
        var bestDistance = int.MaxValue;
        for (var year = _period.From.Year - 1; year <= _period.To.Year; year++)
        {
            if (day > DateTime.DaysInMonth(year, month)) continue;
            var candidate = new DateOnly(year, month, day);
            var distance = candidate < _period.From ? _period.From.DayNumber - candidate.DayNumber
                : candidate > _period.To ? candidate.DayNumber - _period.To.DayNumber : 0;
            if (distance < bestDistance) { best = candidate.ToDateTime(TimeOnly.MinValue); bestDistance = distance; }
        }
        if (best is null) return false;
        date = best.Value;
        return true;
    }

    /// <summary>"07/10" or "7/10" → day 7, month 10; anything else (a full date, "PEND") → false.</summary>
    public static bool TryDayMonth(string text, out int day, out int month)
    {
        day = month = 0;
        var s = text.Trim();
        var slash = s.IndexOf('/');
        if (slash is < 1 or > 2 || s.Length - slash - 1 is < 1 or > 2) return false;
        return int.TryParse(s.AsSpan(0, slash), out day) && int.TryParse(s.AsSpan(slash + 1), out month)
               && s.All(c => char.IsAsciiDigit(c) || c == '/') && month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }
}

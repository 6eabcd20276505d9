using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MootaDesk.Core.Platform.Store;

public sealed class MoneyToSenConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * 100m, 0, MidpointRounding.AwayFromZero),
    v => v / 100m);

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

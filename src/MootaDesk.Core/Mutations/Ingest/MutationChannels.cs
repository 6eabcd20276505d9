using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Mutations.Ingest;

/// <summary>Which channels speak for Moota, and which day a channel's time falls on.</summary>
public static class MutationChannels
{
    /// <summary>Webhook and API pull carry Moota's mutation_id as their source id; together they are one identity.</summary>
    public static bool IsMoota(MutationSource source) => source is MutationSource.Webhook or MutationSource.Api;

    /// <summary>Rows a Moota delivery may attach to: reported by a channel that has no Moota id of its own.</summary>
    public static readonly MutationSource[] Attachable = [MutationSource.Import, MutationSource.Notification, MutationSource.Manual];

    /// <summary>
    /// The bank date of a time when the channel gives none: Moota's date in Moota's zone; for every other channel the
    /// day in the business's zone (statements give their printed date explicitly).
    /// </summary>
    public static DateOnly BankDateOf(MutationSource source, DateTime utc, TimeZoneInfo businessZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), IsMoota(source) ? MootaTime.Zone : businessZone));

    /// <summary>
    /// Adds sightings inside the caller's transaction with one prepared statement; a channel already recorded for a row
    /// keeps its first sighting. A statement matching fifty thousand stored rows would cost seconds through the change tracker.
    /// </summary>
    public static async Task AddSightingsAsync(MootaDeskDbContext db, IReadOnlyCollection<MutationSighting> sightings, CancellationToken ct)
    {
        if (sightings.Count == 0) return;
        const string sql = """
            INSERT INTO "MutationSightings" ("MutationId", "Channel", "ExternalRef", "SeenAt", "WebhookDeliveryId")
            VALUES (@m, @c, @r, @s, @w) ON CONFLICT ("MutationId", "Channel") DO NOTHING
            """;
        await RawCommands.RunAsync(db, sql, async cmd =>
        {
            var (m, c, r, s, w) = (cmd.Param("@m"), cmd.Param("@c"), cmd.Param("@r"), cmd.Param("@s"), cmd.Param("@w"));
            var postgres = db.IsPostgreSql();
            cmd.PrepareOnSqlite();
            var dateConverter = new UtcDateTimeConverter();
            foreach (var x in sightings)
            {
                m.Value = x.MutationId;
                c.Value = (int)x.Channel;
                r.Value = (object?)x.ExternalRef ?? DBNull.Value;
                // The same text EF writes for a UTC DateTime, so EF reads these rows back unchanged.
                // (PostgreSQL takes the UTC DateTime itself, as timestamp with time zone.)
                var seenAt = (DateTime)dateConverter.ConvertToProvider(x.SeenAt)!;
                s.Value = postgres ? seenAt : seenAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
                w.Value = (object?)x.WebhookDeliveryId ?? DBNull.Value;
                await cmd.ExecuteNonQueryAsync(ct);
            }
            return sightings.Count;
        }, ct);
    }
}

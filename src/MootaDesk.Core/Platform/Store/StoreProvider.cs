using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace MootaDesk.Core.Platform.Store;

/// <summary>The database engine under the store: <c>MootaDesk:Database:Provider</c> (decision 025).</summary>
public enum StoreProvider
{
    /// <summary>One SQLite file for the store and one for the webhook inbox (the default: nothing to install).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (15 or newer) that several instances share.</summary>
    PostgreSQL,
}

/// <summary>
/// Where the store lives: the provider and the main and inbox connection strings, read once from configuration.
/// SQLite paths are resolved against the content root; PostgreSQL strings are Npgsql's <c>Host=…;Database=…</c> form, and
/// the inbox shares the main database unless <c>ConnectionStrings:MootaDeskInbox</c> names another.
/// </summary>
public sealed record StoreLocation(StoreProvider Provider, string Main, string Inbox)
{
    public const string ProviderKey = "MootaDesk:Database:Provider";

    /// <summary>Reads the provider (case-insensitive; unknown names stop start-up, naming the accepted ones) and both connection strings.</summary>
    public static StoreLocation FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var provider = ParseProvider(configuration[ProviderKey]);
        var main = configuration.GetConnectionString("MootaDesk");
        var inbox = configuration.GetConnectionString("MootaDeskInbox");
        return For(provider, main, inbox, contentRoot);
    }

    public static StoreLocation For(StoreProvider provider, string? main, string? inbox, string contentRoot)
    {
        if (provider == StoreProvider.PostgreSQL)
        {
            if (string.IsNullOrWhiteSpace(main))
                throw new InvalidOperationException($"{ProviderKey} is PostgreSQL but ConnectionStrings:MootaDesk is empty (e.g. \"Host=db;Database=mootadesk;Username=mootadesk;Password=…\").");
            // Validates the form early: a SQLite path here would otherwise fail at the first query with a less clear message.
            _ = new NpgsqlConnectionStringBuilder(main);
            return new StoreLocation(provider, main, string.IsNullOrWhiteSpace(inbox) ? main : inbox);
        }
        var resolved = DatabaseSetup.ResolveConnectionString(main, contentRoot);
        return new StoreLocation(provider, resolved,
            DatabaseSetup.ResolveConnectionString(WebhookInboxFile.ConnectionStringFor(resolved, inbox), contentRoot));
    }

    public static StoreProvider ParseProvider(string? value) =>
        string.IsNullOrWhiteSpace(value) ? StoreProvider.Sqlite
        : Enum.TryParse<StoreProvider>(value.Trim(), ignoreCase: true, out var p) && Enum.IsDefined(p) ? p
        : value.Trim().Equals("Postgres", StringComparison.OrdinalIgnoreCase) ? StoreProvider.PostgreSQL
        : throw new InvalidOperationException($"{ProviderKey} '{value}' is unknown: use Sqlite or PostgreSQL.");
}

/// <summary>Which engine a context talks to, for the few places whose SQL differs.</summary>
public static class StoreEngine
{
    public static bool IsPostgreSql(this DbContext db) => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
}

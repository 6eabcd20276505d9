using MootaDesk.Web.Tests.Infrastructure;

// The store-facing test classes rerun on PostgreSQL (decision 022): each class here inherits every case of its SQLite
// class and only switches the provider (TestStore), so a case added there runs on both. Slow, store-agnostic classes
// (bUnit, rendering, parsing) stay SQLite-only. .ci/run starts the server and sets MOOTADESK_TEST_POSTGRES.

namespace MootaDesk.Web.Tests.Platform
{
    public sealed class DatabaseTestsOnPostgreSql : DatabaseTests, IOnPostgreSql { public DatabaseTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

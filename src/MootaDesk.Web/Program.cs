using MootaDesk.Web.Platform.Hosting;

// `dotnet run --project src/MootaDesk.Web -- seed --mutations 1000000 --db PATH` fills a database for benchmarks.
if (SeedCommand.Matches(args))
    return await SeedCommand.RunAsync(args);
// `-- copy-store --from "Data Source=…" --to "Host=…"` moves a shop from SQLite to an empty PostgreSQL store.
if (CopyStoreCommand.Matches(args))
    return await CopyStoreCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddMootaDesk();

var app = builder.Build();
await app.UseMootaDeskAsync();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

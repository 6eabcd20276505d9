using System.Text.Json;

namespace MootaDesk.Tests.Shared;

/// <summary>The signed Moota webhook fixtures (tests/Fixtures/moota-webhook), found from the test's output folder.</summary>
public static class MootaFixtures
{
    public const string Secret = "mootadesk-fixture-secret";

    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Fixtures", "moota-webhook");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/Fixtures/moota-webhook not found above " + AppContext.BaseDirectory);
    });

    public static byte[] Body(string name) => File.ReadAllBytes(Path.Combine(Folder.Value, name + ".json"));

    public static IReadOnlyDictionary<string, string> Headers(string name) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Folder.Value, name + ".headers.json")))!;

    public static readonly string[] All =
        ["01-single-credit", "02-batch-mixed", "03-amounts-as-strings", "04-bank-null", "05-bad-signature", "06-duplicate-of-01"];
}

namespace MootaDesk.Tests.Shared;

/// <summary>The shared ingest case files (tests/Fixtures/cases/ingest, bytes exactly as given), found from the test's output folder.</summary>
public static class IngestCases
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Fixtures", "cases", "ingest");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/Fixtures/cases/ingest not found above " + AppContext.BaseDirectory);
    });

    /// <summary>A case file by its path under cases/ingest, e.g. <c>Bytes("webhook-then-pull/bank-p1.json")</c>.</summary>
    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(Path.Combine(Folder.Value, relativePath));
}

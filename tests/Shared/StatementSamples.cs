namespace MootaDesk.Tests.Shared;

/// <summary>
/// Statement files for tests: the shared case files (tests/Fixtures/cases/ingest) and the banks' layout samples
/// (tests/Fixtures/statements, made-up names and numbers), found from the test's output folder.
/// </summary>
public static class StatementSamples
{
    private static readonly Lazy<string> Fixtures = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Fixtures");
            if (Directory.Exists(Path.Combine(candidate, "statements"))) return candidate;
        }
        throw new DirectoryNotFoundException("tests/Fixtures/statements not found above " + AppContext.BaseDirectory);
    });

    /// <summary>A shared case file, e.g. <c>Case("klikbca-shaped.csv")</c>.</summary>
    public static byte[] Case(string name) => File.ReadAllBytes(Path.Combine(Fixtures.Value, "cases", "ingest", name));

    /// <summary>A bank layout sample, e.g. <c>Sample("bri.csv")</c>.</summary>
    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(Fixtures.Value, "statements", name));

    public static string SampleText(string name) => File.ReadAllText(Path.Combine(Fixtures.Value, "statements", name));
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteGen.Tests.Listings;

/// <summary>
/// Compares a parser's output, as JSON, with an expected JSON file under Fixtures/.
/// With SITEGEN_UPDATE_GOLDEN=1 the expected file in the source tree is rewritten instead; review the diff by eye before committing.
/// </summary>
public static class GoldenFile
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Keep non-ASCII titles and quotes readable in the golden files.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json).ReplaceLineEndings("\n") + "\n";

    /// <param name="fixtureRelativePath">Path under Fixtures/, e.g. "listings/seeds/x.expected.json".</param>
    public static void AssertMatches<T>(T actual, string fixtureRelativePath)
    {
        var actualJson = Serialize(actual);
        if (Environment.GetEnvironmentVariable("SITEGEN_UPDATE_GOLDEN") == "1")
        {
            var sourcePath = Path.Combine(SourceFixturesFolder(), fixtureRelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            File.WriteAllText(sourcePath, actualJson);
            return;
        }
        var expectedPath = Path.Combine(Fixtures.Folder, fixtureRelativePath);
        Assert.True(File.Exists(expectedPath), $"Golden file {fixtureRelativePath} is missing; run with SITEGEN_UPDATE_GOLDEN=1 and review it.");
        var expectedJson = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
        Assert.Equal(expectedJson, actualJson);
    }

    /// <summary>The Fixtures folder in the source tree (found by walking up to the test project file).</summary>
    private static string SourceFixturesFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SiteGen.Tests.csproj")))
            directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("SiteGen.Tests.csproj not found above the test output."), "Fixtures");
    }
}

/// <summary>Fixtures copied beside the test assembly.</summary>
public static class Fixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures");
    public static string PathOf(string relative) => Path.Combine(Folder, relative);
}

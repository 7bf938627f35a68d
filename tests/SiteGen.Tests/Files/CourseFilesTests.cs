using SiteGen.Files;

namespace SiteGen.Tests.Files;

/// <summary>The one-lstat answer of <see cref="CourseFiles.IsRegularInside"/> against the realpath check it stands in front of.</summary>
public sealed class CourseFilesTests : IDisposable
{
    private readonly string _course = Directory.CreateTempSubdirectory("sitegen-coursefiles-").FullName;

    public void Dispose() => Directory.Delete(_course, recursive: true);

    [Fact]
    public void Every_kind_of_deck_path_gets_the_realpath_checks_answer()
    {
        var lectures = Path.Combine(_course, "Lectures");
        Directory.CreateDirectory(Path.Combine(lectures, "sub"));
        Directory.CreateDirectory(Path.Combine(lectures, "folder.pdf"));
        File.WriteAllText(Path.Combine(lectures, "deck.pdf"), "pdf");
        File.WriteAllText(Path.Combine(lectures, "sub", "nested.pdf"), "pdf");
        File.WriteAllText(Path.Combine(_course, "secret.pdf"), "not a deck");
        File.CreateSymbolicLink(Path.Combine(lectures, "link-inside.pdf"), Path.Combine(lectures, "deck.pdf"));
        File.CreateSymbolicLink(Path.Combine(lectures, "link-outside.pdf"), Path.Combine(_course, "secret.pdf"));
        File.CreateSymbolicLink(Path.Combine(lectures, "dangling.pdf"), Path.Combine(lectures, "gone.pdf"));
        Directory.CreateSymbolicLink(Path.Combine(_course, "LecturesLink"), lectures);

        var expected = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            ["deck.pdf"] = true,
            ["sub/nested.pdf"] = true,
            ["link-inside.pdf"] = true,
            ["link-outside.pdf"] = false,
            ["dangling.pdf"] = false,
            ["folder.pdf"] = false,
            ["missing.pdf"] = false,
            ["../secret.pdf"] = false,
            ["sub/../deck.pdf"] = true,
            ["./deck.pdf"] = true,
        };
        foreach (var root in new[] { lectures, lectures + "/", Path.Combine(_course, "LecturesLink") })
            foreach (var (name, inside) in expected)
            {
                var path = Path.Combine(root, name);
                var realPathAnswer = CourseFiles.IsRegularInsideByRealPath(root, path);
                Assert.True(inside == realPathAnswer, $"realpath check of {name} under {root}: {realPathAnswer}");
                Assert.True(realPathAnswer == CourseFiles.IsRegularInside(root, path), $"{name} under {root}");
            }
    }
}

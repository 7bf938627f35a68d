using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteGen.Model;

/// <summary>
/// What the last successful build wrote: every output file's content hash, and every rendered page's dependency key
/// (a hash of exactly the inputs the page was rendered from). Kept beside the output folder, not in it, so it is never
/// published with the site.
/// </summary>
public sealed record BuildManifest
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    /// <summary>Identifies the SiteGen build that wrote the manifest: a new SiteGen renders everything again.</summary>
    public string Generator { get; init; } = GeneratorId;
    /// <summary>Site-relative path -> content hash (or, for copied files, the source's size and time stamp).</summary>
    public SortedDictionary<string, string> Files { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Site-relative path of a rendered page -> dependency key.</summary>
    public SortedDictionary<string, string> Pages { get; init; } = new(StringComparer.Ordinal);

    public static string GeneratorId { get; } = typeof(BuildManifest).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>"/x/site" -> "/x/.site.sitegen-manifest.json": beside the site, like the writer's staging folders.</summary>
    public static string PathFor(string outDir)
    {
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".sitegen-manifest.json");
    }

    /// <summary>The manifest of the site in <paramref name="outDir"/>, or null when there is none usable (first build, other SiteGen, damaged file).</summary>
    public static BuildManifest? Load(string outDir)
    {
        var path = PathFor(outDir);
        if (!File.Exists(path) || !Directory.Exists(outDir)) return null;
        try
        {
            var manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), ManifestJson.Default.BuildManifest);
            if (manifest is null || manifest.Format != CurrentFormat || manifest.Generator != GeneratorId) return null;
            // The deserializer does not keep the comparer; ordinal order matters for deterministic files.
            return manifest with
            {
                Files = new SortedDictionary<string, string>(manifest.Files, StringComparer.Ordinal),
                Pages = new SortedDictionary<string, string>(manifest.Pages, StringComparer.Ordinal),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Written beside its final name and renamed over it, so a kill never leaves half a manifest.</summary>
    public void Save(string outDir)
    {
        var path = PathFor(outDir);
        var tmp = $"{path}.tmp-{Environment.ProcessId}";
        File.WriteAllBytes(tmp, JsonSerializer.SerializeToUtf8Bytes(this, ManifestJson.Default.BuildManifest));
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Removed before an incremental write starts, so an interrupted write makes the next build a full one.</summary>
    public static void Delete(string outDir)
    {
        var path = PathFor(outDir);
        if (File.Exists(path)) File.Delete(path);
    }
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(BuildManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;

namespace SiteGen.Tests.Browser;

/// <summary>Where the browser tests find Debian's Chromium, and whether a missing one skips or fails them.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool Installed => File.Exists(ExecutablePath);

    /// <summary>Set when the tests cannot run here; under CI a missing browser is not a reason to skip, so the tests run and fail.</summary>
    public static string? SkipReason => Installed || IsCi
        ? null
        : $"Chromium not found at {ExecutablePath} (apt-get install -y chromium); browser tests are skipped. Under CI=true they fail instead.";
}

/// <summary>A fact that needs Chromium: skipped with the reason when it is missing, except under CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that needs Chromium: skipped with the reason when it is missing, except under CI.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Chromium.SkipReason is { } reason) Skip = reason;
    }
}

using System.Runtime.InteropServices;

namespace SiteGen.Files;

/// <summary>
/// The two file-system calls .NET does not offer: a hard link, and swapping two folders in one step (Linux renameat2
/// with RENAME_EXCHANGE), so a reader or a kill sees the old site or the new one and never neither. Both report false
/// where they are not available, and callers fall back to a copy or two renames.
/// </summary>
internal static partial class NativeFiles
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDir, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDir, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

    /// <summary>Makes <paramref name="created"/> a second name of <paramref name="existing"/>; false when the system or file system cannot.</summary>
    public static bool TryHardLink(string existing, string created)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return false;
        try { return Link(existing, created) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    /// <summary>Swaps the two folders' names atomically; false when the system or file system cannot (nothing was moved then).</summary>
    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }
}

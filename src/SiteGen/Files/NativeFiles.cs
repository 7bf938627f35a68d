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

/// <summary>What a directory entry is, without following a link or opening it (opening a FIFO waits for a writer).</summary>
public enum EntryKind { Missing, Regular, Directory, Link, Other }

internal static partial class NativeFiles
{
    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr RealPath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);

    /// <summary>Offset of st_mode in struct stat: x64 and arm64 Linux, 64-bit macOS.</summary>
    private static int ModeOffset => OperatingSystem.IsMacOS() ? 4
        : RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24
        : RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 16 : -1;

    /// <summary>The entry's kind from lstat; where that is not available, from .NET's view (a FIFO then reads as a file).</summary>
    public static EntryKind KindOf(string path)
    {
        if (!OperatingSystem.IsWindows() && ModeOffset >= 0)
        {
            var buffer = new byte[256];
            try
            {
                if (LStat(path, buffer) != 0) return EntryKind.Missing;
                int mode = OperatingSystem.IsMacOS() ? BitConverter.ToUInt16(buffer, ModeOffset) : (int)BitConverter.ToUInt32(buffer, ModeOffset);
                return (mode & 0xF000) switch { 0x8000 => EntryKind.Regular, 0x4000 => EntryKind.Directory, 0xA000 => EntryKind.Link, _ => EntryKind.Other };
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
        }
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return EntryKind.Link;
        return info.Exists ? EntryKind.Regular : Directory.Exists(path) ? EntryKind.Directory : EntryKind.Missing;
    }

    /// <summary>The path with every link resolved (realpath), or null when some part of it does not exist.</summary>
    public static string? Resolve(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var resolved = RealPath(path, IntPtr.Zero);
                if (resolved == IntPtr.Zero) return null;
                try { return Marshal.PtrToStringUTF8(resolved); }
                finally { Free(resolved); }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
        }
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (info.LinkTarget is not null) return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return info.Exists || Directory.Exists(full) ? full : null;
    }
}

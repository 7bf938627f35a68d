namespace SiteGen.Finder;

/// <summary>
/// One process at a time refreshes the index: an advisory lock (fcntl on Linux, LockFileEx on Windows) on a file in the
/// index folder, taken before Lucene's own write lock. Lucene's lock alone let two processes race as the first one
/// released it. The lock goes with the process, so a killed `find` never leaves the index locked.
/// </summary>
internal sealed class WriteGate : IDisposable
{
    private const string FileName = "sitegen-writer.lock";
    private readonly FileStream _file;

    private WriteGate(FileStream file) => _file = file;

    /// <summary>The gate, or null after <paramref name="wait"/> while another process holds it.</summary>
    public static WriteGate? Enter(string indexDir, TimeSpan wait)
    {
        var file = new FileStream(Path.Combine(indexDir, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        // .NET has no region locks on macOS: Lucene's own write lock is all there is there.
        if (OperatingSystem.IsMacOS()) return new WriteGate(file);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                file.Lock(0, 1);
                return new WriteGate(file);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
            catch (IOException)
            {
                file.Dispose();
                return null;
            }
        }
    }

    public void Dispose()
    {
        if (!OperatingSystem.IsMacOS()) _file.Unlock(0, 1);
        _file.Dispose();
    }
}

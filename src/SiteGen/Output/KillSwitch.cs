using System.Diagnostics;
using System.Globalization;

namespace SiteGen.Output;

/// <summary>Thrown by <see cref="KillSwitch"/> in tests: the write stops where it is, with nothing cleaned up, as a kill would leave it.</summary>
internal sealed class WriteInterruptedException(int step) : Exception($"write interrupted at step {step}");

/// <summary>
/// For the tests that stop a build in the middle of writing. SITEGEN_KILL_AFTER_WRITE_STEPS=N makes the process kill
/// itself (SIGKILL, no clean-up) at the Nth step of the write (a file written or linked, the swap, the manifest);
/// <see cref="InterruptAfter"/> does the same in-process for the builds of the calling flow, by throwing past every
/// handler. Unset, each step is a read of two fields.
/// </summary>
internal static class KillSwitch
{
    private sealed class Limit(int after, bool kill)
    {
        public readonly int After = after;
        public readonly bool Kill = kill;
        public int Steps;
    }

    private static readonly Limit? FromEnvironment =
        int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_KILL_AFTER_WRITE_STEPS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? new Limit(n, kill: true) : null;

    // Flows into the write's parallel loops, and into no other test's build.
    private static readonly AsyncLocal<Limit?> ForThisFlow = new();

    /// <summary>Builds started from the calling flow throw <see cref="WriteInterruptedException"/> at the Nth write step (0: never).</summary>
    public static void InterruptAfter(int steps) => ForThisFlow.Value = steps > 0 ? new Limit(steps, kill: false) : null;

    public static void Step()
    {
        var limit = ForThisFlow.Value ?? FromEnvironment;
        if (limit is null) return;
        var step = Interlocked.Increment(ref limit.Steps);
        if (step != limit.After) return;
        if (limit.Kill) Process.GetCurrentProcess().Kill();
        throw new WriteInterruptedException(step);
    }
}

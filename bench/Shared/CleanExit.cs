using System.Diagnostics;
using System.Runtime.InteropServices;

/// <summary>
/// Clean-up that runs once whatever way a benchmark ends: normally (call <see cref="Run"/> in a finally block), by an
/// exception, or by Ctrl-C / SIGTERM. On a signal the steps run on the signal's thread and the process then ends at once
/// (a hosted app inside the benchmark would otherwise swallow Ctrl-C and leave the benchmark waiting). Steps run newest
/// first, each on its own: one failing step does not skip the others. Linked into each benchmark project.
/// </summary>
static class CleanExit
{
    private static readonly List<(string Name, Action Step)> Steps = [];
    private static readonly List<PosixSignalRegistration> Signals = [];
    private static int _done;

    /// <summary>Adds a step (delete a folder, stop a process, drop a database) to run at the end.</summary>
    public static void Add(string name, Action step)
    {
        lock (Steps)
        {
            Steps.Add((name, step));
            if (Signals.Count > 0) return;
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
                Signals.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    /// <summary>Runs every step once; later calls do nothing.</summary>
    public static void Run()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1) return;
        (string Name, Action Step)[] steps;
        lock (Steps) steps = [.. Steps];
        foreach (var (name, step) in steps.Reverse())
        {
            try { step(); }
            catch (Exception e) { Console.Error.WriteLine($"clean-up '{name}' failed: {e.Message}"); }
        }
    }

    private static void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Console.Error.WriteLine($"{context.Signal}: cleaning up and stopping");
        Run();
        Console.Out.Flush();
        Process.GetCurrentProcess().Kill();
    }
}

using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace MootaDesk.Core.Integrations;

/// <summary>
/// Runs an async loop on a thread of its own, below normal OS priority, with every continuation brought back to that
/// thread. The inbox processor's work is CPU-heavy in bursts (JSON, EF, SQLite); on the thread pool it competed with
/// Kestrel for the same two cores and the webhook answers waited behind it (bench/MootaDesk.Bench: p99 many times the
/// bare endpoint's). On its own thread at a higher nice value the kernel lets an arriving request run first, while the
/// processor still gets every idle moment. Nothing is lost by waiting: the inbox is durable.
/// The nice value is set per thread with <c>setpriority(2)</c> on Linux (.NET's <see cref="Thread.Priority"/> does not change
/// the scheduling of normal threads there); elsewhere the thread keeps normal priority and is merely off the pool.
/// </summary>
public static class LowPriorityThread
{
    /// <summary>Linux nice value of the thread: 10 gives it about a tenth of a core's share while others want the CPU.</summary>
    public const int Nice = 10;

    /// <summary>Starts <paramref name="loop"/> on a new background thread; the task completes when the loop does.</summary>
    public static Task Run(Func<Task> loop, string name)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            TryLowerPriority();
            using var context = new SingleThreadContext();
            SynchronizationContext.SetSynchronizationContext(context);
            Task task;
            try
            {
                task = loop();
            }
            catch (Exception ex)
            {
                task = Task.FromException(ex);
            }
            task.ContinueWith(_ => context.Complete(), TaskScheduler.Default);
            context.RunUntilComplete();
            if (task.IsFaulted) done.TrySetException(task.Exception!.InnerExceptions);
            else if (task.IsCanceled) done.TrySetCanceled();
            else done.TrySetResult();
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }

    private const int PrioProcess = 0; // with a thread id, setpriority(2) on Linux sets that one thread

    // DllImport rather than LibraryImport: the generated form needs unsafe code enabled for the whole project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc")]
    private static extern int gettid();
#pragma warning restore SYSLIB1054

    private static void TryLowerPriority()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            setpriority(PrioProcess, gettid(), Nice);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without gettid: the thread runs at normal priority, still off the request threads' pool.
        }
    }

    /// <summary>Queues every continuation posted to it and runs them, one after another, on the thread that called <see cref="RunUntilComplete"/>.</summary>
    private sealed class SingleThreadContext : SynchronizationContext, IDisposable
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

        public override void Post(SendOrPostCallback d, object? state)
        {
            if (!_queue.IsAddingCompleted)
            {
                try
                {
                    _queue.Add((d, state));
                    return;
                }
                catch (InvalidOperationException)
                {
                    // Completed between the check and the add: run it on the pool instead, so nothing posted is dropped.
                }
            }
            ThreadPool.QueueUserWorkItem(s => d(s), state);
        }

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Synchronous Send would block the loop's own thread.");

        public void RunUntilComplete()
        {
            foreach (var (callback, state) in _queue.GetConsumingEnumerable()) callback(state);
        }

        public void Complete() => _queue.CompleteAdding();

        public void Dispose() => _queue.Dispose();
    }
}

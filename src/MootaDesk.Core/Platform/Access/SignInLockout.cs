using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace MootaDesk.Core.Platform.Access;

/// <summary>The `MootaDesk:SignIn` configuration section.</summary>
public sealed class SignInOptions
{
    public const string Section = "MootaDesk:SignIn";

    /// <summary>Wrong passwords for one account from one address before that address is locked out of that account.</summary>
    public int FailuresPerAddress { get; set; } = 5;

    /// <summary>Wrong passwords for one account from all addresses together before the account is locked for everyone.</summary>
    public int FailuresPerAccount { get; set; } = 50;

    /// <summary>How far back failures count, and how long a lock-out lasts, in minutes.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in form posts (password or code) one address may make per window, whatever the account.</summary>
    public int AttemptsPerAddress { get; set; } = 20;

    public int AttemptWindowMinutes { get; set; } = 5;
}

/// <summary>
/// Lock-out by account and address, the way large sign-in services do it ("smart lock-out"): wrong passwords from one
/// address lock that address out of the account, so one address cannot lock the Owner out; only many addresses together
/// (<see cref="SignInOptions.FailuresPerAccount"/>) lock the account for everyone. It is kept by the name typed, whether or not
/// such a user exists, so the lock-out message tells nobody which accounts exist. Kept in memory: a restart forgets
/// failures, which an attacker cannot cause from outside. See docs/decisions/014-roles-sign-in-lockout.md.
/// </summary>
public sealed class SignInLockout(TimeProvider time, Microsoft.Extensions.Options.IOptions<SignInOptions> options)
{
    private readonly ConcurrentDictionary<string, Failures> _byName = new(StringComparer.Ordinal);

    private sealed class Failures
    {
        public readonly List<(string Address, DateTimeOffset At)> Items = [];
    }

    private static string Key(string userName) => userName.Trim().ToUpperInvariant();

    private TimeSpan Window => TimeSpan.FromMinutes(Math.Max(1, options.Value.LockoutMinutes));

    /// <summary>Whether <paramref name="address"/> may try a password for <paramref name="userName"/> now.</summary>
    public bool IsLockedOut(string userName, string? address)
    {
        if (!_byName.TryGetValue(Key(userName), out var failures)) return false;
        lock (failures)
        {
            Prune(failures);
            return failures.Items.Count(f => f.Address == (address ?? "")) >= options.Value.FailuresPerAddress
                   || failures.Items.Count >= options.Value.FailuresPerAccount;
        }
    }

    /// <summary>Counts a wrong password (or unknown name, or disabled account) and answers whether that locked the address out.</summary>
    public bool RecordFailure(string userName, string? address)
    {
        var failures = _byName.GetOrAdd(Key(userName), _ => new Failures());
        lock (failures)
        {
            Prune(failures);
            failures.Items.Add((address ?? "", time.GetUtcNow()));
        }
        return IsLockedOut(userName, address);
    }

    /// <summary>A correct password clears that address's failures for the account (others' stay).</summary>
    public void RecordSuccess(string userName, string? address)
    {
        if (!_byName.TryGetValue(Key(userName), out var failures)) return;
        lock (failures) failures.Items.RemoveAll(f => f.Address == (address ?? ""));
    }

    /// <summary>The Owner's password reset unlocks the account everywhere.</summary>
    public void Clear(string userName) => _byName.TryRemove(Key(userName), out _);

    private void Prune(Failures failures)
    {
        var since = time.GetUtcNow() - Window;
        failures.Items.RemoveAll(f => f.At < since);
    }
}

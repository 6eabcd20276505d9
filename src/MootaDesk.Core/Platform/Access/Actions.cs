using MootaDesk.Core.Integrations;

using static MootaDesk.Core.Platform.Access.Roles;

namespace MootaDesk.Core.Platform.Access;

/// <summary>
/// Every action MootaDesk guards, with the roles that may take it and the API-key scope (if any) that lets a key take
/// it. This is the permission matrix: pages (<c>[Permission]</c>), the sidebar, commands (<see cref="Viewer.Can"/>) and
/// every HTTP endpoint ask it, so what is shown and what is enforced cannot drift apart.
/// <para>
/// Adding an action is one line: a constant named for what it allows, its value "area.verb", and an
/// <see cref="AllowedAttribute"/> naming the roles (and the scope when API keys may do it too). An action without a
/// scope is never open to API keys. An unknown role is allowed nothing.
/// </para>
/// </summary>
public static class Actions
{
    // Home
    [Allowed(Owner, Finance, Ops, CS)] public const string ViewDashboard = "home.view";
    [Allowed(Owner, Finance, Ops, CS)] public const string SignOut = "session.sign-out";
    [Allowed(Owner, Finance, Ops, CS)] public const string ManageOwnSignIn = "session.two-factor";

    // Mutasi. CS reads credits only: every mutation query applies ReadDebitsAndBalances in SQL (Viewer.VisibleTo).
    [Allowed(Owner, Finance, Ops, CS, Scope = ApiScopes.Read)] public const string ReadCredits = "mutations.read-credits";
    [Allowed(Owner, Finance, Ops, Scope = ApiScopes.Read)] public const string ReadDebitsAndBalances = "mutations.read-debits-and-balances";
    [Allowed(Owner, Ops)] public const string ReadRawSource = "mutations.read-raw-source";
    [Allowed(Owner, Finance, Ops, CS)] public const string ExportMutations = "mutations.export";
    [Allowed(Owner, Finance, Ops)] public const string AnnotateMutations = "mutations.annotate";
    [Allowed(Owner, Finance, Ops, CS)] public const string ReadTags = "tags.read";
    [Allowed(Owner, Finance, Ops)] public const string ManageTags = "tags.manage";
    [Allowed(Owner, Ops)] public const string ManageRules = "rules.manage";
    [Allowed(Owner, Finance)] public const string ReviewDuplicates = "mutations.review-duplicates";

    // Sweep 16:30 and the owner summary (the summary names important debits: never CS).
    [Allowed(Owner, Finance)] public const string WorkSweep = "sweep.work";
    [Allowed(Owner, Finance, Scope = ApiScopes.Summary)] public const string PrepareSweep = "sweep.prepare";
    [Allowed(Owner, Finance)] public const string SignOffSweep = "sweep.sign-off";
    [Allowed(Owner, Finance, Scope = ApiScopes.Summary)] public const string ReadSummary = "summary.read";
    [Allowed(Owner, Finance, CS)] public const string WorkCsTasks = "sweep.cs-tasks";

    // Bukti Transfer
    [Allowed(Owner, Finance, CS, Scope = ApiScopes.Proof)] public const string CreateProof = "proof.create";
    [Allowed(Owner, Finance)] public const string ManageProofs = "proof.manage";

    // Pesanan
    [Allowed(Owner, Finance, Ops, CS, Scope = ApiScopes.Orders)] public const string ReadOrders = "orders.read";
    [Allowed(Owner, Finance, CS, Scope = ApiScopes.Orders)] public const string CreateOrders = "orders.create";

    // Rekening and statements
    [Allowed(Owner, Finance, Ops)] public const string ReadAccounts = "accounts.read";
    [Allowed(Owner, Finance, Ops)] public const string EditAccounts = "accounts.edit";
    [Allowed(Owner, Finance, Scope = ApiScopes.Import)] public const string ImportStatement = "statements.import";

    // Integrasi
    [Allowed(Owner, Ops)] public const string ManageIntegrations = "integrations.manage";
    [Allowed(Owner, Ops, Scope = ApiScopes.Integrations)] public const string RunMootaSync = "integrations.sync";
    [Allowed(Owner, Ops)] public const string DecideMootaConflicts = "integrations.decide-conflicts";
    // Operations: the /metrics scrape (also open to the configured scraper token, docs/operations.md).
    [Allowed(Owner, Ops)] public const string ReadMetrics = "platform.read-metrics";
    [Allowed(Owner, Ops)] public const string ManageNotificationDevices = "integrations.notification-devices";
    [Allowed(Owner, Ops)] public const string ReadNotificationLog = "integrations.notification-log";
    // A provisional credit the bank will never confirm (misread notification, reversed transfer) is dismissed, or restored, from the log.
    [Allowed(Owner, Ops)] public const string DismissProvisionalCredit = "integrations.dismiss-provisional";

    // Owner only
    [Allowed(Owner)] public const string ReadOwnerReports = "reports.read";
    // The income rhythm: the Owner always; Finance only while the Owner allows it (a business setting, IncomeRhythmQuery.MayReadAsync).
    [Allowed(Owner, Finance, Scope = ApiScopes.Summary)] public const string ReadIncomeRhythm = "reports.income-rhythm";
    [Allowed(Owner)] public const string ManageSettings = "settings.manage";
    [Allowed(Owner)] public const string ManageUsers = "users.manage";
    [Allowed(Owner)] public const string ManageApiKeys = "keys.manage";
}

/// <summary>Marks an <see cref="Actions"/> constant with the roles that may take it and, optionally, the API-key scope.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class AllowedAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;

    /// <summary>The API-key scope that opens this action to keys of an allowed role; null keeps it for people only.</summary>
    public string? Scope { get; set; }
}

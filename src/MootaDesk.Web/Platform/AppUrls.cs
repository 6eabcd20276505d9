using System.Globalization;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Notifications;

namespace MootaDesk.Web.Platform;

/// <summary>
/// Every page's address, written once. Links between pages and <c>NavigateTo</c> use these, never a path literal. Paths are
/// relative to the app's base (<c>&lt;base href="/"&gt;</c>), as the pages always linked: "mutasi", "pesanan/42". The
/// addresses notifications store come from Core's <see cref="NotificationLinks"/> (Core writes them), so no path is spelled
/// twice. A test checks that every member here matches a page's <c>@page</c> template.
/// </summary>
public static class AppUrls
{
    // Home and sign-in
    public const string Home = "./";
    public const string SignIn = "masuk";
    public const string AccessDenied = "akses-ditolak";
    public const string AccountSecurity = "akun/dua-langkah";

    // Mutasi
    public const string Mutations = MutationLink.Page;
    public const string Tags = "mutasi/tag";
    public const string AutoTagRules = NotificationLinks.AutoTagRules;
    public const string Duplicates = "mutasi/duplikat";

    /// <summary>The Mutasi page showing <paramref name="filter"/> ("mutasi?tgl=hari-ini&amp;arah=kredit").</summary>
    public static string MutationsFiltered(MutationFilter filter) => MutationsQuery(filter.ToQueryString());

    /// <summary>The Mutasi page with a filter's query string as stored in a saved view ("" = unfiltered).</summary>
    public static string MutationsQuery(string query) => query.Length > 0 ? Mutations + "?" + query : Mutations;

    /// <summary>
    /// Exactly one row in Mutasi: filtered to its account, bank day and amount (sandbox rows shown when it is one) with its
    /// drawer open ("mutasi?dari=…&amp;sampai=…&amp;rek=3&amp;jumlah=150123&amp;sandbox=ya&amp;buka=42").
    /// </summary>
    public static string Mutation(long mutationId, int accountId, DateOnly bankDay, decimal amount, bool sandbox) =>
        MutationLink.To(mutationId, accountId, bankDay, amount, sandbox);

    /// <summary>The mutations carrying one tag, sandbox included (the glossary's usage count).</summary>
    public static string MutationsWithTag(int tagId) => MutationsFiltered(new MutationFilter { TagsAny = [tagId], Sandbox = SandboxFilter.Include });

    /// <summary>The printable list of the mutations a filter's query string selects ("" = unfiltered).</summary>
    public static string MutationsPrint(string query) => query.Length > 0 ? MutationsPrintPage + "?" + query : MutationsPrintPage;

    public const string MutationsPrintPage = "mutasi/cetak";

    /// <summary>A file the Mutasi page prepared, fetched once by its maker.</summary>
    public static string MutationDownload(string token) => "mutasi/unduh/" + Uri.EscapeDataString(token);

    // Sweep
    public const string Sweep = "sweep";
    public const string CsTasks = NotificationLinks.CsTasks;

    /// <summary>"sweep/2026-11-21".</summary>
    public static string SweepDay(DateOnly day) => NotificationLinks.Sweep(day);

    // Bukti Transfer
    public const string Proofs = "bukti";
    public const string ProofLog = "bukti/log";

    /// <summary>"bukti/12": one proof's detail page.</summary>
    public static string Proof(long proofId) => Proofs + "/" + Id(proofId);

    /// <summary>"bukti/12/cetak": the proof laid out for printing.</summary>
    public static string ProofPrint(long proofId) => Proof(proofId) + "/cetak";

    /// <summary>"bukti/12/pdf" or "bukti/12/png": the proof file from the back office.</summary>
    public static string ProofFile(long proofId, string format) => Proof(proofId) + "/" + format;

    /// <summary>"bukti/mutasi/42": make (or reuse) the proof for one credit.</summary>
    public static string ProofForMutation(long mutationId) => Proofs + "/mutasi/" + Id(mutationId);

    /// <summary>"v/{token}": the public verification page a customer opens.</summary>
    public static string PublicProof(string token) => "v/" + Uri.EscapeDataString(token);

    /// <summary>"v/{token}/pdf" or "…/png".</summary>
    public static string PublicProofFile(string token, string format) => PublicProof(token) + "/" + format;

    // Pesanan
    public const string Orders = "pesanan";
    public const string NewOrder = "pesanan/baru";
    public const string ImportOrders = "pesanan/impor";
    public const string UnmatchedCredits = "pesanan/uang-masuk";

    /// <summary>"pesanan/42".</summary>
    public static string Order(int orderId) => Orders + "/" + orderId.ToString(CultureInfo.InvariantCulture);

    // Rekening
    public const string Accounts = "rekening";
    public const string StatementImport = "rekening/impor";

    /// <summary>"rekening/impor?rekening=3": the import page with the account chosen.</summary>
    public static string StatementImportFor(int accountId) => StatementImport + "?rekening=" + accountId.ToString(CultureInfo.InvariantCulture);

    // Integrasi
    public const string Integrations = "integrasi";
    public const string WebhookLog = "integrasi/webhook";
    public const string Sandbox = "integrasi/sandbox";
    public const string MootaApi = "integrasi/moota-api";
    public const string NotificationDevices = "integrasi/notifikasi";
    public const string NotificationLog = "integrasi/notifikasi/log";
    public const string ApiKeys = "integrasi/kunci-api";
    public const string MootaConflicts = NotificationLinks.MootaConflicts;

    /// <summary>"integrasi/webhook/42".</summary>
    public static string WebhookDelivery(long deliveryId) => NotificationLinks.WebhookDelivery(deliveryId);

    // Owner
    public const string OwnerReports = "laporan";
    public const string IncomeRhythm = "laporan/ritme";

    /// <summary>"laporan/ritme/ekspor?dari=2026-11-01&amp;sampai=2026-11-30": the income rhythm workbook of a period.</summary>
    public static string IncomeRhythmExport(DateOnly from, DateOnly to) =>
        IncomeRhythm + "/ekspor?dari=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "&sampai=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public const string Settings = "pengaturan";

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

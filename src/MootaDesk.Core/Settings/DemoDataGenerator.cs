using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;

namespace MootaDesk.Core.Settings;

/// <summary>
/// A believable small shop, always the same for the same seed and anchor day: six accounts, 90 days of
/// mutations with real-looking Indonesian bank texts, payday peaks (25th–5th), refunds, suppliers, payroll,
/// tags, notes and open orders. Everything is flagged demo and sandbox, so it never enters real totals and
/// the Owner can remove it in one action.
/// </summary>
public sealed class DemoDataGenerator(int seed = DemoDataGenerator.DefaultSeed)
{
    public const int DefaultSeed = 20261121;
    public const string LabelPrefix = "Demo · ";

    private static readonly string[] FirstNames =
        ["BUDI", "SITI", "ANDI", "DEWI", "RIZKY", "PUTRI", "AGUS", "RINA", "HENDRA", "FITRI", "YOGA", "NUR", "DIAN", "EKA", "FAJAR", "INDAH", "ARIF", "LESTARI", "BAYU", "WULAN"];
    private static readonly string[] LastNames =
        ["SANTOSO", "AMINAH", "PRATAMA", "LESTARI", "HIDAYAT", "WIJAYA", "SAPUTRA", "RAHAYU", "KUSUMA", "NUGROHO", "SETIAWAN", "PERMATA", "HASAN", "SURYA", "MAULANA"];
    private static readonly string[] Suppliers =
        ["PT SUMBER PANGAN JAYA", "CV KEMASAN NUSANTARA", "PT EKSPEDISI CEPAT", "CV KAIN MAKMUR", "PT PERCETAKAN SINAR"];
    private static readonly string[] Marketplaces = ["TOKOPEDIA", "SHOPEE", "LAZADA", "TIKTOK SHOP"];

    public sealed record DemoAccount(string Key, string BankCode, string Number, string Holder, string Label, AccountPurpose Purpose, decimal OpeningBalance);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("bca-ops", "bca", "0123456789", "TOKO SAYA", LabelPrefix + "BCA Operasional", AccountPurpose.Operasional, 48_500_000m),
        new("mandiri-mp", "mandiriMcmV2", "1370012345678", "TOKO SAYA", LabelPrefix + "Mandiri Marketplace", AccountPurpose.Marketplace, 22_000_000m),
        new("bri-payroll", "briCmsV2", "002301000123567", "TOKO SAYA", LabelPrefix + "BRI Payroll", AccountPurpose.Payroll, 35_000_000m),
        new("bni-reserve", "bniV2", "0987654321", "TOKO SAYA", LabelPrefix + "BNI Cadangan", AccountPurpose.Cadangan, 150_000_000m),
        new("bca-va", "bcaVA", "8808012345", "TOKO SAYA", LabelPrefix + "BCA Virtual Account", AccountPurpose.Penampungan, 0m),
        new("qris", "qris", "ID1023123456789", "TOKO SAYA", LabelPrefix + "QRIS Toko", AccountPurpose.Operasional, 0m),
    ];

    public static readonly IReadOnlyList<(string Name, string Color, string Meaning)> Tags =
    [
        ("Refund", "#dc2626", "Uang dikembalikan ke pelanggan"),
        ("Supplier", "#7c3aed", "Pembayaran ke pemasok barang"),
        ("DP", "#0891b2", "DP = uang muka pesanan"),
        ("Pelunasan", "#059669", "Sisa pembayaran setelah DP"),
        ("COD", "#ca8a04", "Bayar di tempat, disetor kurir"),
        ("Gaji", "#2563eb", "Pembayaran gaji karyawan"),
        ("Penting", "#be123c", "Harus dilaporkan ke Owner"),
        ("Marketplace", "#ea580c", "Pencairan dana dari marketplace"),
        ("Biaya Bank", "#64748b", "Biaya administrasi, pajak, dan biaya transfer"),
    ];

    public sealed record DemoMutation(
        string AccountKey, string SourceId, DateTime TransactionTimeLocal, string Description, decimal Amount, Direction Direction,
        decimal Balance, string? Counterparty, string[] Tags, string? Note, string? OrderReference, ReconciliationStatus Status);

    public sealed record DemoOrder(string Reference, string Customer, string WhatsApp, decimal Amount, int UniqueCode, string AccountKey,
        DateTime CreatedLocal, DateTime ExpiresLocal, OrderStatus Status, string? PaidBySourceId);

    public sealed record DemoData(IReadOnlyList<DemoMutation> Mutations, IReadOnlyList<DemoOrder> Orders);

    /// <summary>Ninety days of activity ending at <paramref name="nowLocal"/> (business time).</summary>
    public DemoData Generate(DateTime nowLocal, int days = 90)
    {
        var rng = new Random(seed);
        var balances = Accounts.ToDictionary(a => a.Key, a => a.OpeningBalance);
        var mutations = new List<DemoMutation>();
        var orders = new List<DemoOrder>();
        var seq = 0;
        var start = nowLocal.Date.AddDays(-(days - 1));

        void Add(string account, DateTime at, string description, decimal amount, Direction dir, string[] tags, string? note = null,
            string? orderRef = null, ReconciliationStatus status = ReconciliationStatus.New)
        {
            if (at > nowLocal) return;
            balances[account] += dir == Direction.Credit ? amount : -amount;
            mutations.Add(new DemoMutation(account, $"demo-{++seq:D7}", at, description, amount, dir, balances[account],
                CounterpartyParser.Parse(description), tags, note, orderRef, status));
        }

        for (var day = start; day <= nowLocal.Date; day = day.AddDays(1))
        {
            var payday = day.Day >= 25 || day.Day <= 5;
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var customers = rng.Next(8, 14) + (payday ? rng.Next(6, 12) : 0) - (weekend ? 3 : 0);
            var dayEvents = new List<Action>();

            for (var i = 0; i < customers; i++)
            {
                var at = day.AddMinutes(rng.Next(7 * 60, 22 * 60)).AddSeconds(rng.Next(60));
                var name = Person(rng);
                var baseAmount = rng.Next(3, 120) * 5_000m;
                var code = rng.Next(1, 999);
                var amount = baseAmount + code;
                var kind = rng.Next(100);
                var withOrder = rng.Next(100) < 70;
                var orderRef = withOrder ? $"INV-{day:yyMMdd}-{i + 1:D3}" : null;
                var note = withOrder ? $"Order {orderRef}" : null;
                var status = withOrder ? ReconciliationStatus.Matched : ReconciliationStatus.New;
                var tags = rng.Next(100) < 15 ? new[] { "DP" } : rng.Next(100) < 10 ? new[] { "Pelunasan" } : [];
                string account, text;
                if (kind < 45) { account = "bca-ops"; text = $"TRSF E-BANKING CR {day:ddMM}/FTSCY/WS{rng.Next(10000, 99999)} {amount:0.00} {name}"; }
                else if (kind < 65) { account = "bca-ops"; text = $"BI-FAST CR BIF TRANSFER DR {Bank(rng)} {name}"; }
                else if (kind < 80) { account = "bca-va"; text = $"VA PAYMENT 8808{rng.Next(10000000, 99999999)} DARI {name}"; }
                else { account = "qris"; amount = baseAmount; orderRef = null; note = null; status = ReconciliationStatus.New; text = $"QRIS CR {rng.Next(100000, 999999)} NMID ID1023123456789 {name}"; }
                if (withOrder && orderRef is not null)
                    orders.Add(new DemoOrder(orderRef, Title(name), Phone(rng), baseAmount, code, account, at.AddMinutes(-rng.Next(10, 300)),
                        at.AddHours(24), OrderStatus.Paid, null));
                var (a, t, txt, am, tg, nt, rf, st) = (account, at, text, amount, tags, note, orderRef, status);
                dayEvents.Add(() => Add(a, t, txt, am, Direction.Credit, tg, nt, rf, st));
            }

            if (day.Day % 3 == 0 || payday)
            {
                var mp = Marketplaces[rng.Next(Marketplaces.Length)];
                var at = day.AddHours(rng.Next(9, 16)).AddMinutes(rng.Next(60));
                var amount = rng.Next(40, 400) * 25_000m;
                dayEvents.Add(() => Add("mandiri-mp", at, $"MCM InhouseTrf CS-CS DARI {mp}", amount, Direction.Credit, ["Marketplace"]));
            }
            if (rng.Next(100) < 25)
            {
                var at = day.AddHours(rng.Next(9, 15)).AddMinutes(rng.Next(60));
                var amount = rng.Next(2, 40) * 100_000m;
                dayEvents.Add(() => Add("bca-ops", at, "SETORAN TUNAI", amount, Direction.Credit, ["COD"], "Setoran kurir COD"));
            }
            if (!weekend && rng.Next(100) < 45)
            {
                var supplier = Suppliers[rng.Next(Suppliers.Length)];
                var at = day.AddHours(rng.Next(9, 16)).AddMinutes(rng.Next(60));
                var amount = rng.Next(10, 160) * 100_000m;
                var tags = amount >= 5_000_000m ? new[] { "Supplier", "Penting" } : ["Supplier"];
                dayEvents.Add(() => Add("bca-ops", at, $"TRSF E-BANKING DB {day:ddMM}/FTFVA/WS{rng.Next(10000, 99999)} {supplier}", amount, Direction.Debit, tags,
                    "Pembayaran faktur " + supplier.Split(' ')[1]));
            }
            if (rng.Next(100) < 18)
            {
                var name = Person(rng);
                var at = day.AddHours(rng.Next(10, 18)).AddMinutes(rng.Next(60));
                var amount = rng.Next(3, 60) * 5_000m;
                dayEvents.Add(() => Add("bca-ops", at, $"BI-FAST DB BIF TRANSFER KE {Bank(rng)} {name}", amount, Direction.Debit, ["Refund"],
                    "Refund: barang kosong"));
            }
            if (day.Day == 25)
            {
                var at = day.AddHours(10);
                var salaries = Enumerable.Range(0, 8).Select(_ => (Name: Person(rng), Amount: rng.Next(45, 90) * 100_000m)).ToList();
                // The reserve tops payroll up by what the salaries need, rounded up to the next million.
                var topUp = Math.Ceiling(salaries.Sum(x => x.Amount) / 1_000_000m) * 1_000_000m;
                dayEvents.Add(() => Add("bni-reserve", at.AddMinutes(-30), "TRSF E-BANKING DB KE BRI PAYROLL TOKO SAYA", topUp, Direction.Debit, ["Gaji"], "Isi rekening payroll"));
                dayEvents.Add(() => Add("bri-payroll", at.AddMinutes(-20), "TRANSFER DARI BNI TOKO SAYA", topUp, Direction.Credit, ["Gaji"], "Dari rekening cadangan"));
                for (var k = 0; k < salaries.Count; k++)
                {
                    var (emp, salary) = salaries[k];
                    var minute = k;
                    dayEvents.Add(() => Add("bri-payroll", at.AddMinutes(minute), $"MCM InhouseTrf KE {emp}", salary, Direction.Debit, ["Gaji"]));
                }
            }
            if (day.Day == DateTime.DaysInMonth(day.Year, day.Month))
            {
                foreach (var acc in new[] { "bca-ops", "mandiri-mp", "bri-payroll", "bni-reserve" })
                {
                    var at = day.AddHours(23).AddMinutes(50);
                    dayEvents.Add(() => Add(acc, at, "BIAYA ADM", 17_000m, Direction.Debit, ["Biaya Bank"]));
                    dayEvents.Add(() => Add(acc, at.AddMinutes(1), "PAJAK BUNGA", 1_250m, Direction.Debit, ["Biaya Bank"]));
                }
            }
            foreach (var e in dayEvents) e();
        }

        // Balances must follow time order per account, so order the day's events by time and recompute.
        var ordered = mutations.OrderBy(m => m.TransactionTimeLocal).ThenBy(m => m.SourceId, StringComparer.Ordinal).ToList();
        var running = Accounts.ToDictionary(a => a.Key, a => a.OpeningBalance);
        var result = new List<DemoMutation>(ordered.Count);
        foreach (var m in ordered)
        {
            running[m.AccountKey] += m.Direction == Direction.Credit ? m.Amount : -m.Amount;
            result.Add(m with { Balance = running[m.AccountKey] });
        }

        // Today's open orders: some still waiting, some already past expiry.
        for (var i = 0; i < 12; i++)
        {
            var name = Person(rng);
            var created = nowLocal.AddMinutes(-rng.Next(20, 60 * 30));
            var amount = rng.Next(5, 90) * 5_000m;
            var code = 100 + i * 37 + rng.Next(30);
            var expires = created.AddHours(24);
            orders.Add(new DemoOrder($"INV-{nowLocal:yyMMdd}-P{i + 1:D2}", Title(name), Phone(rng), amount, code, i % 3 == 0 ? "bca-va" : "bca-ops",
                created, expires, expires < nowLocal ? OrderStatus.Expired : OrderStatus.Pending, null));
        }

        var paidRefs = result.Where(m => m.OrderReference != null).ToDictionary(m => m.OrderReference!, m => m.SourceId);
        var finalOrders = orders
            .Where(o => o.Status != OrderStatus.Paid || paidRefs.ContainsKey(o.Reference))
            .Select(o => o.Status == OrderStatus.Paid ? o with { PaidBySourceId = paidRefs[o.Reference] } : o)
            .ToList();
        return new DemoData(result, finalOrders);
    }

    private static string Person(Random rng) => FirstNames[rng.Next(FirstNames.Length)] + " " + LastNames[rng.Next(LastNames.Length)];

    private static string Title(string upper) =>
        string.Join(' ', upper.Split(' ').Select(w => w[..1] + w[1..].ToLowerInvariant()));

    private static string Bank(Random rng) => new[] { "014", "008", "009", "002", "451" }[rng.Next(5)];

    private static string Phone(Random rng) => "62812" + rng.Next(10000000, 99999999);
}

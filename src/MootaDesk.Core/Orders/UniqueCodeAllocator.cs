using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Orders;

/// <summary>
/// Picks the kode unik for a new order so that no two open orders into one account share a payable amount:
/// the amount alone then tells which order a credit pays. Must run inside the write transaction that inserts
/// the order (see <see cref="OrderCreator"/>), after overdue orders have been expired, or two creators could
/// pick the same amount.
/// </summary>
public sealed class UniqueCodeAllocator(OrderOptions options)
{
    public int RangeSize => options.UniqueCodeMax - options.UniqueCodeMin + 1;

    public decimal PayableFor(decimal amount, int code) =>
        options.UniqueCodeMode == UniqueCodeMode.Add ? amount + code : amount - code;

    public int SignedCode(int code) => options.UniqueCodeMode == UniqueCodeMode.Add ? code : -code;

    /// <summary>The signed code, or null when every code in the range is taken for this amount and account.</summary>
    public async Task<int?> AllocateAsync(MootaDeskDbContext db, int accountId, bool isSandbox, decimal amount,
        IReadOnlySet<decimal> takenInBatch, CancellationToken ct)
    {
        var a = PayableFor(amount, options.UniqueCodeMin);
        var b = PayableFor(amount, options.UniqueCodeMax);
        var (low, high) = a <= b ? (a, b) : (b, a);
        var taken = (await db.Orders.AsNoTracking()
                .Where(o => o.AccountId == accountId && o.IsSandbox == isSandbox && o.Status == OrderStatus.Pending
                            && o.PayableAmount >= low && o.PayableAmount <= high)
                .Select(o => o.PayableAmount).ToListAsync(ct))
            .ToHashSet();

        var free = new List<int>();
        for (var code = options.UniqueCodeMin; code <= options.UniqueCodeMax; code++)
        {
            var payable = PayableFor(amount, code);
            if (payable > 0 && !taken.Contains(payable) && !takenInBatch.Contains(payable)) free.Add(code);
        }
        if (free.Count == 0) return null;
        // Random rather than lowest-free, as Moota's own plugin does: customers cannot guess another order's amount.
        return SignedCode(free[Random.Shared.Next(free.Count)]);
    }
}

using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.BankAccounts;

public enum AccountEditProblem { None, NotAllowed, NotFound, LabelRequired, LabelTooLong }

/// <summary>Changes what people call an account and what it is for; every change is audited with before and after.</summary>
public sealed class AccountEditor(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock)
{
    public async Task<AccountEditProblem> UpdateAsync(Viewer viewer, Actor actor, int id, string label, AccountPurpose purpose, bool isActive, CancellationToken ct = default)
    {
        if (!viewer.Can(Actions.EditAccounts)) return AccountEditProblem.NotAllowed;
        var clean = (label ?? "").Trim();
        if (clean.Length == 0) return AccountEditProblem.LabelRequired;
        if (clean.Length > 120) return AccountEditProblem.LabelTooLong;
        await using var db = await factory.CreateDbContextAsync(ct);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return AccountEditProblem.NotFound;
        var before = new { account.Label, purpose = account.Purpose.ToString(), account.IsActive };
        if (before.Label == clean && account.Purpose == purpose && account.IsActive == isActive) return AccountEditProblem.None;
        account.Label = clean;
        account.Purpose = purpose;
        account.IsActive = isActive;
        db.Record(actor, "account.update", "Account", id, before, new { account.Label, purpose = purpose.ToString(), account.IsActive }, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return AccountEditProblem.None;
    }
}

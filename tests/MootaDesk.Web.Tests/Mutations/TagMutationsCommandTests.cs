using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;
using static MootaDesk.Web.Tests.Mutations.MutationsTestData;

namespace MootaDesk.Web.Tests.Mutations;

public class TagMutationsCommandTests
{
    private static async Task<List<AuditEvent>> AuditAsync(TestDatabase test, string action)
    {
        await using var db = test.CreateDbContext();
        return await db.AuditEvents.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Adding_tags_to_a_selection_writes_one_audit_row_per_mutation_and_undo_removes_exactly_those()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var dp = await TagAsync(test, "DP");
        var already = await MutationAsync(test, a, test.Clock.UtcNow, 1m, tags: [dp.Id]);
        var fresh = await MutationAsync(test, a, test.Clock.UtcNow, 2m);
        var commands = new TagMutationsCommand(test, test.Clock);

        var change = await commands.AddTagsAsync([already, fresh], [dp.Id], Finance, FinanceActor);
        change.Count.ShouldBe(1);
        change.TagPairs.ShouldBe([(fresh, dp.Id)]);
        var audit = await AuditAsync(test, "tag.add");
        audit.Count.ShouldBe(1);
        audit[0].EntityType.ShouldBe("Mutation");
        audit[0].EntityId.ShouldBe(fresh.ToString());
        audit[0].Actor.ShouldBe("fin");
        audit[0].After!.ShouldContain("DP");

        (await commands.UndoAsync(change, Finance, FinanceActor)).ShouldBe(1);
        await using var db = test.CreateDbContext();
        (await db.MutationTags.Where(t => t.TagId == dp.Id).Select(t => t.MutationId).ToListAsync()).ShouldBe([already]);
        (await AuditAsync(test, "tag.add.undo")).Single().EntityId.ShouldBe(fresh.ToString());
    }

    [Fact]
    public async Task Removing_tags_is_audited_and_undo_puts_them_back()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var cod = await TagAsync(test, "COD");
        var id = await MutationAsync(test, a, test.Clock.UtcNow, 1m, tags: [cod.Id]);
        var commands = new TagMutationsCommand(test, test.Clock);

        var change = await commands.RemoveTagsAsync([id], [cod.Id], Finance, FinanceActor);
        change.Count.ShouldBe(1);
        (await AuditAsync(test, "tag.remove")).Single().Before!.ShouldContain("COD");
        await commands.UndoAsync(change, Finance, FinanceActor);
        await using var db = test.CreateDbContext();
        (await db.MutationTags.CountAsync(t => t.MutationId == id && t.TagId == cod.Id)).ShouldBe(1);
        (await AuditAsync(test, "tag.remove.undo")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Setting_a_status_records_before_and_after_and_undo_restores_each_previous_status()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var n = await MutationAsync(test, a, test.Clock.UtcNow, 1m, status: ReconciliationStatus.New);
        var m = await MutationAsync(test, a, test.Clock.UtcNow, 2m, status: ReconciliationStatus.Matched);
        var commands = new TagMutationsCommand(test, test.Clock);

        var change = await commands.SetStatusAsync([n, m], ReconciliationStatus.Resolved, Finance, FinanceActor);
        change.Count.ShouldBe(2);
        var audit = await AuditAsync(test, "status.set");
        audit.Count.ShouldBe(2);
        audit.ShouldContain(e => e.Before!.Contains("Matched") && e.After!.Contains("Resolved"));

        await commands.UndoAsync(change, Finance, FinanceActor);
        await using var db = test.CreateDbContext();
        (await db.Mutations.Where(x => x.Id == n).Select(x => x.Status).SingleAsync()).ShouldBe(ReconciliationStatus.New);
        (await db.Mutations.Where(x => x.Id == m).Select(x => x.Status).SingleAsync()).ShouldBe(ReconciliationStatus.Matched);
    }

    [Fact]
    public async Task Notes_are_several_per_mutation_editing_keeps_history_and_HasNote_follows()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var id = await MutationAsync(test, a, test.Clock.UtcNow, 1m);
        var commands = new TagMutationsCommand(test, test.Clock);

        var first = await commands.AddNoteAsync([id], "Transfer dari Budi", Finance, FinanceActor);
        test.Time.Advance(TimeSpan.FromMinutes(5));
        await commands.AddNoteAsync([id], "Sudah dicek", Finance, FinanceActor);
        var newId = await commands.EditNoteAsync(first.NoteIds[0], "Transfer dari Budi untuk INV-7", Finance, FinanceActor);

        var detail = await new MutationQueries(test, test.Clock).DetailAsync(id, Finance);
        detail!.Row.HasNote.ShouldBeTrue();
        detail.Notes.Count.ShouldBe(3);
        detail.Notes.Single(x => x.Id == first.NoteIds[0]).IsSuperseded.ShouldBeTrue();
        detail.Notes.Single(x => x.Id == newId).ReplacesNoteId.ShouldBe(first.NoteIds[0]);
        detail.Timeline.Select(t => t.Action).ShouldBe(["note.edit", "note.add", "note.add"], ignoreOrder: true);
        await Should.ThrowAsync<MutationChangeRefused>(() => commands.EditNoteAsync(first.NoteIds[0], "again", Finance, FinanceActor));
    }

    [Fact]
    public async Task Undoing_the_only_note_clears_HasNote()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var id = await MutationAsync(test, a, test.Clock.UtcNow, 1m);
        var commands = new TagMutationsCommand(test, test.Clock);
        var change = await commands.AddNoteAsync([id], "salah ketik", Finance, FinanceActor);
        await commands.UndoAsync(change, Finance, FinanceActor);
        await using var db = test.CreateDbContext();
        (await db.Mutations.Where(m => m.Id == id).Select(m => m.HasNote).SingleAsync()).ShouldBeFalse();
        (await AuditAsync(test, "note.add.undo")).Single().Before!.ShouldContain("salah ketik");
    }

    [Fact]
    public async Task The_order_reference_is_validated_and_audited()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var id = await MutationAsync(test, a, test.Clock.UtcNow, 1m);
        var commands = new TagMutationsCommand(test, test.Clock);

        (await Should.ThrowAsync<MutationChangeRefused>(() => commands.SetOrderReferenceAsync(id, "IN V", Finance, FinanceActor))).MessageKey.ShouldBe("Error.OrderReference");
        await commands.SetOrderReferenceAsync(id, " INV-0001234 ", Finance, FinanceActor);
        var audit = (await AuditAsync(test, "order-reference.set")).Single();
        audit.After!.ShouldContain("INV-0001234");
        await using var db = test.CreateDbContext();
        (await db.Mutations.Where(m => m.Id == id).Select(m => m.OrderReference).SingleAsync()).ShouldBe("INV-0001234");
    }

    [Fact]
    public async Task CS_cannot_change_mutations_and_nobody_can_touch_a_mutation_they_cannot_see()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var tag = await TagAsync(test, "Refund");
        var credit = await MutationAsync(test, a, test.Clock.UtcNow, 1m);
        var commands = new TagMutationsCommand(test, test.Clock);
        (await Should.ThrowAsync<MutationChangeRefused>(() => commands.AddTagsAsync([credit], [tag.Id], Cs, new("cs")))).MessageKey.ShouldBe("Error.NotAllowed");
        await Should.ThrowAsync<MutationChangeRefused>(() => commands.AddNoteAsync([credit], "x", Cs, new("cs")));
        (await AuditAsync(test, "tag.add")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Tagging_a_thousand_rows_is_one_change_with_a_thousand_audit_rows()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var tag = await TagAsync(test, "Marketplace");
        var ids = new List<long>();
        await using (var db = test.CreateDbContext())
        {
            for (var i = 0; i < 1000; i++)
                db.Mutations.Add(new Mutation { AccountId = a.Id, SourceId = "s" + i, Description = "x", Amount = 1m + i, TransactionTime = test.Clock.UtcNow, ReadTime = test.Clock.UtcNow });
            await db.SaveChangesAsync();
            ids = await db.Mutations.Select(m => m.Id).ToListAsync();
        }
        var change = await new TagMutationsCommand(test, test.Clock).AddTagsAsync(ids, [tag.Id], Finance, FinanceActor);
        change.Count.ShouldBe(1000);
        (await AuditAsync(test, "tag.add")).Count.ShouldBe(1000);
    }
}

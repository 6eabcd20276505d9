using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Tests.Infrastructure;
using static MootaDesk.Web.Tests.Mutations.MutationsTestData;

namespace MootaDesk.Web.Tests.Mutations;

public class TagCatalogTests
{
    [Theory]
    [InlineData("refund")]
    [InlineData(" Re-fund ")]
    [InlineData("REFUND!")]
    public async Task A_name_equal_to_another_ignoring_case_spaces_and_punctuation_is_refused(string name)
    {
        await using var test = await TestDatabase.CreateAsync();
        await TagAsync(test, "Refund");
        var (check, id) = await new TagCatalog(test, test.Clock).CreateAsync(name, null, null, confirmNearDuplicate: true, Finance, FinanceActor);
        check.ErrorKey.ShouldBe("Tag.Error.Duplicate");
        id.ShouldBeNull();
    }

    [Theory]
    [InlineData("Refun", "Refund")]
    [InlineData("SupplierA", "Supplier A2")]
    public async Task A_near_duplicate_needs_confirmation_then_is_created_and_audited(string name, string existing)
    {
        await using var test = await TestDatabase.CreateAsync();
        await TagAsync(test, existing);
        var catalog = new TagCatalog(test, test.Clock);
        var (check, id) = await catalog.CreateAsync(name, "#112233", "arti", confirmNearDuplicate: false, Finance, FinanceActor);
        check.NearDuplicates.ShouldBe([existing]);
        id.ShouldBeNull();

        (_, id) = await catalog.CreateAsync(name, "#112233", "arti", confirmNearDuplicate: true, Finance, FinanceActor);
        id.ShouldNotBeNull();
        await using var db = test.CreateDbContext();
        (await db.AuditEvents.CountAsync(e => e.Action == "tag.create" && e.EntityId == id.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task Rename_archive_and_merge_are_audited_and_merge_moves_every_use_without_doubling()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var refun = await TagAsync(test, "Refun");
        var refund = await TagAsync(test, "Refund");
        var onlyOld = await MutationAsync(test, a, test.Clock.UtcNow, 1m, tags: [refun.Id]);
        var both = await MutationAsync(test, a, test.Clock.UtcNow, 2m, tags: [refun.Id, refund.Id]);
        var catalog = new TagCatalog(test, test.Clock);

        (await catalog.UpdateAsync(refund.Id, "Refund pelanggan", "#dc2626", "Uang kembali ke pelanggan", true, Finance, FinanceActor)).IsRefused.ShouldBeFalse();
        await catalog.SetArchivedAsync(refund.Id, true, Finance, FinanceActor);
        await catalog.SetArchivedAsync(refund.Id, false, Finance, FinanceActor);
        (await catalog.MergeAsync(refun.Id, refund.Id, Finance, FinanceActor)).ShouldBe(1);

        await using var db = test.CreateDbContext();
        (await db.Tags.AnyAsync(t => t.Id == refun.Id)).ShouldBeFalse();
        (await db.MutationTags.Where(t => t.TagId == refund.Id).Select(t => t.MutationId).OrderBy(x => x).ToListAsync()).ShouldBe([onlyOld, both]);
        var actions = await db.AuditEvents.Where(e => e.EntityType == "Tag").Select(e => e.Action).ToListAsync();
        actions.ShouldBe(["tag.rename", "tag.archive", "tag.unarchive", "tag.merge"]);
    }

    [Fact]
    public async Task CS_may_read_the_glossary_but_not_change_tags()
    {
        await using var test = await TestDatabase.CreateAsync();
        await TagAsync(test, "DP");
        var catalog = new TagCatalog(test, test.Clock);
        (await catalog.ListAsync(Viewer.ForRoles("ops", Roles.Ops))).Select(t => t.Name).ShouldBe(["DP"]);
        await Should.ThrowAsync<MutationChangeRefused>(() => catalog.CreateAsync("COD", null, null, false, Cs, new("cs")));
    }

    [Fact]
    public async Task A_new_tag_whose_meaning_repeats_another_s_is_warned_not_forbidden()
    {
        await using var test = await TestDatabase.CreateAsync();
        var catalog = new TagCatalog(test, test.Clock);
        (await catalog.CreateAsync("Refund", "#dc2626", "Uang dikembalikan ke pelanggan", false, Finance, FinanceActor)).Id.ShouldNotBeNull();

        var (check, id) = await catalog.CreateAsync("Retur", "#112233", "uang DIKEMBALIKAN ke pelanggan.", confirmNearDuplicate: false, Finance, FinanceActor);
        check.IsRefused.ShouldBeFalse();
        check.SameMeaning.ShouldBe(["Refund"]);
        check.NeedsConfirmation.ShouldBeTrue();
        id.ShouldBeNull();

        (_, id) = await catalog.CreateAsync("Retur", "#112233", "uang DIKEMBALIKAN ke pelanggan.", confirmNearDuplicate: true, Finance, FinanceActor);
        id.ShouldNotBeNull();
        // A different meaning, or none, warns of nothing.
        (await catalog.CreateAsync("Ongkir", null, "Biaya kirim dari kurir", false, Finance, FinanceActor)).Check.NeedsConfirmation.ShouldBeFalse();
        (await catalog.CreateAsync("Lain", null, null, false, Finance, FinanceActor)).Check.NeedsConfirmation.ShouldBeFalse();
    }
}

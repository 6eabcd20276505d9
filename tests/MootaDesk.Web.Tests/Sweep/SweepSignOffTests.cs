using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Sweep;

public class SweepSignOffTests
{
    private static readonly DateOnly Saturday = new(2026, 11, 21);

    private static async Task<(SweepFixture F, int SweepId, OwnerSummary Summary)> PreparedAsync(TestDatabase test)
    {
        test.Time.SetJakarta(2026, 11, 21, 16, 30);
        var f = new SweepFixture(test);
        await f.SeedShopAsync(Saturday);
        var r = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Scheduled, SweepFixture.ActorOf(SweepFixture.Finance));
        return (f, r.SweepId, (await f.Query.LoadAsync(Saturday))!.Header.Summary);
    }

    [Theory]
    [InlineData(Roles.Ops)]
    [InlineData(Roles.CS)]
    public async Task Only_Finance_and_Owner_can_sign_off(string role)
    {
        await using var test = await TestDatabase.CreateAsync();
        var (f, id, summary) = await PreparedAsync(test);
        var viewer = new Viewer("x", "x-id", new HashSet<string> { role });
        var ex = await Should.ThrowAsync<SweepRefusedException>(() => f.Commands.SignOffAsync(id, summary, viewer, SweepFixture.ActorOf(viewer)));
        ex.Code.ShouldBe("forbidden");
        await Should.ThrowAsync<SweepRefusedException>(() => f.Commands.SaveSummaryAsync(id, summary, viewer, SweepFixture.ActorOf(viewer)));
        (await f.Query.LoadAsync(Saturday))!.Header.IsSignedOff.ShouldBeFalse();
    }

    [Fact]
    public async Task The_Owner_may_sign_off_too()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (f, id, summary) = await PreparedAsync(test);
        var r = await f.Commands.SignOffAsync(id, summary, SweepFixture.Owner, SweepFixture.ActorOf(SweepFixture.Owner));
        r.SignedOffBy.ShouldBe("owner");
    }

    [Fact]
    public async Task Sign_off_freezes_edited_lines_records_who_and_when_emails_and_makes_the_sweep_read_only()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (f, id, summary) = await PreparedAsync(test);
        await f.Commands.SetOwnerWhatsAppAsync("0812-3456-7890", SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance));
        var edited = summary with { Notes = "Catatan: supplier\nkain dibayar lunas" };

        var r = await f.Commands.SignOffAsync(id, edited, SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance));

        // The owner's message says which shop and which day before the five lines.
        r.Text.Split('\n').Length.ShouldBe(6);
        r.Text.Split('\n')[0].ShouldBe("Ringkasan Toko Saya, Sabtu 21 November 2026");
        r.Text.ShouldEndWith("Catatan: supplier kain dibayar lunas");
        r.WhatsAppLink.ShouldStartWith("https://wa.me/6281234567890?text=Ringkasan%20Toko%20Saya%2C%20Sabtu%2021%20November%202026%0APemasukan%3A%20Rp%20400.000");
        f.Email.Sent.Single().Body.ShouldBe(r.Text);
        var view = (await f.Query.LoadAsync(Saturday))!;
        (view.Header.SignedOffBy, view.Header.SignedOffAt).ShouldBe(("fina", (DateTime?)test.Clock.UtcNow));
        view.Steps[4].Complete.ShouldBeTrue();

        await Should.ThrowAsync<SweepRefusedException>(() => f.Commands.SignOffAsync(id, edited, SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance)));
        await Should.ThrowAsync<SweepRefusedException>(() => f.Commands.SaveSummaryAsync(id, edited, SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance)));
        var (items, _) = await f.Query.ItemsAsync(id, SweepAnalysis.Step3Kinds, false, 0, 10);
        await Should.ThrowAsync<SweepRefusedException>(() => f.Commands.CheckItemsAsync(id, [items[0].Id], true, null, SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance)));
        var refreshed = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance), refresh: true);
        refreshed.SignedOff.ShouldBeTrue();
        (await f.Query.LoadAsync(Saturday))!.Header.Summary.Notes.ShouldBe("Catatan: supplier kain dibayar lunas");

        await using var db = test.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "sweep.signoff");
        (audit.Actor, audit.EntityId).ShouldBe(("fina", "2026-11-21"));
        var sweep = await db.Sweeps.SingleAsync();
        // Credits of the window: BUDI (unplaced), SITI (order ref), own transfer in (unplaced); sandbox left out.
        (sweep.CreditsAtSignOff, sweep.CreditsReconciledAtSignOff).ShouldBe((3, 1));
    }

    [Fact]
    public async Task A_summary_line_left_empty_is_refused()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (f, id, summary) = await PreparedAsync(test);
        var ex = await Should.ThrowAsync<SweepRefusedException>(() => f.Commands.SignOffAsync(id, summary with { Refunds = "  " }, SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance)));
        ex.Code.ShouldBe("empty-line");
    }

    [Fact]
    public async Task Without_SMTP_the_email_is_skipped_with_a_note()
    {
        var sender = new SmtpSummaryEmailSender(new StaticOptions<SmtpOptions>(new SmtpOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<SmtpSummaryEmailSender>.Instance);
        var outcome = await sender.SendAsync("s", "b");
        (outcome.Sent, outcome.Skipped).ShouldBe((false, true));
        outcome.Message.ShouldContain("SMTP");
    }
}

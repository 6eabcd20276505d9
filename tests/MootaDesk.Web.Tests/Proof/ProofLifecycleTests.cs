using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Proof;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Proof;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Proof;

public class ProofLifecycleTests
{
    private const string BaseUrl = "https://kas.toko.example";
    private static readonly Viewer Cs = Viewer.ForRoles("cs", Roles.CS);
    private static readonly Actor CsActor = new("dewi", "user-dewi", "10.0.0.5");

    [Fact]
    public async Task A_proof_for_a_credit_carries_the_masked_card_its_order_and_who_verified_it()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var signing = ProofServices.Signing(test);

        var issued = await ProofServices.Issue(test).IssueAsync(seed.BudiCredit, Cs, CsActor, "app", reuseActive: true);
        issued.Outcome.ShouldBe(IssueProofOutcome.Issued);

        var view = (await ProofServices.Cards(test, signing).LoadAsync(issued.ProofId, Cs, BaseUrl)).ShouldNotBeNull();
        var card = view.Card;
        card.BusinessName.ShouldBe("Toko Kopi Nusantara");
        card.Amount.ShouldBe(150_123m);
        card.Destination.ShouldBe("BCA ••••0123");
        card.SenderName.ShouldBe("BUDI SANTOSO");
        card.OrderReference.ShouldBe("INV-2026-0042");
        // The card never names who issued it (a person or an API key): the customer sees "Diverifikasi otomatis".
        ProofWhatsAppText.Build(card, test.Clock).ShouldContain("Diverifikasi otomatis");
        ProofWhatsAppText.Build(card, test.Clock).ShouldNotContain("dewi");
        card.VerifiedAtUtc.ShouldBe(test.Clock.UtcNow);
        card.VerificationCode.ShouldMatch("^[2-9A-Z]{4}-[2-9A-Z]{4}$");
        view.VerificationUrl.ShouldStartWith(BaseUrl + "/v/");
        view.CustomerWhatsApp.ShouldBe("0812-3456-7890");
        view.ExpiresAt.ShouldBe(test.Clock.UtcNow.AddDays(30));

        await using var db = test.CreateDbContext();
        var proof = await db.Proofs.Include(p => p.Events).SingleAsync();
        proof.OrderId.ShouldBe(seed.OrderId);
        proof.Events.ShouldHaveSingleItem().Kind.ShouldBe(ProofEventKind.Created);
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "proof.create");
        (audit.Actor, audit.ActorId, audit.Ip, audit.EntityId).ShouldBe(("dewi", "user-dewi", "10.0.0.5", proof.Id.ToString()));
    }

    [Fact]
    public async Task Debits_never_get_a_proof_and_CS_cannot_even_see_them()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var issue = ProofServices.Issue(test);
        (await issue.IssueAsync(seed.SupplierDebit, Viewer.ForRoles("fin", Roles.Finance), CsActor, "app", true)).Outcome.ShouldBe(IssueProofOutcome.Debit);
        (await issue.IssueAsync(seed.SupplierDebit, Cs, CsActor, "app", true)).Outcome.ShouldBe(IssueProofOutcome.NotFound);
        (await issue.IssueAsync(999_999, Cs, CsActor, "app", true)).Outcome.ShouldBe(IssueProofOutcome.NotFound);
        await using var db = test.CreateDbContext();
        (await db.Proofs.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_app_reopens_a_live_proof_while_the_API_always_makes_a_new_one()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var issue = ProofServices.Issue(test);
        var first = await issue.IssueAsync(seed.BudiCredit, Cs, CsActor, "app", reuseActive: true);
        var again = await issue.IssueAsync(seed.BudiCredit, Cs, CsActor, "app", reuseActive: true);
        again.ShouldBe(new IssueProofResult(IssueProofOutcome.Reused, first.ProofId));
        var api = await issue.IssueAsync(seed.BudiCredit, Cs, new Actor("api:shop"), "api", reuseActive: false);
        api.Outcome.ShouldBe(IssueProofOutcome.Issued);
        api.ProofId.ShouldNotBe(first.ProofId);
    }

    [Fact]
    public async Task The_public_token_works_until_it_expires()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var signing = ProofServices.Signing(test);
        var cards = ProofServices.Cards(test, signing);
        var issued = await ProofServices.Issue(test).IssueAsync(seed.BudiCredit, Cs, CsActor, "app", true);
        var token = TokenOf((await cards.LoadAsync(issued.ProofId, Cs, BaseUrl))!);

        var valid = await cards.LoadPublicAsync(token, BaseUrl);
        valid.Status.ShouldBe(PublicProofStatus.Valid);
        valid.View!.Card.Amount.ShouldBe(150_123m);

        test.Time.Advance(TimeSpan.FromDays(30).Add(TimeSpan.FromSeconds(1)));
        var expired = await cards.LoadPublicAsync(token, BaseUrl);
        expired.Status.ShouldBe(PublicProofStatus.Expired);
        expired.View.ShouldBeNull();
    }

    [Fact]
    public async Task A_revoked_proof_stops_verifying_and_the_revocation_is_logged_and_audited()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var cards = ProofServices.Cards(test, ProofServices.Signing(test));
        var issued = await ProofServices.Issue(test).IssueAsync(seed.BudiCredit, Cs, CsActor, "app", true);
        var token = TokenOf((await cards.LoadAsync(issued.ProofId, Cs, BaseUrl))!);

        var revoke = new RevokeProofCommand(test, test.Time);
        (await revoke.RevokeAsync(issued.ProofId, "salah kirim", new Actor("rina", "user-rina"))).ShouldBe(RevokeProofOutcome.Revoked);
        (await revoke.RevokeAsync(issued.ProofId, null, new Actor("rina", "user-rina"))).ShouldBe(RevokeProofOutcome.AlreadyRevoked);

        var result = await cards.LoadPublicAsync(token, BaseUrl);
        result.Status.ShouldBe(PublicProofStatus.Revoked);
        result.View.ShouldBeNull();

        await using var db = test.CreateDbContext();
        (await db.ProofEvents.CountAsync(e => e.Kind == ProofEventKind.Revoked && e.Actor == "rina")).ShouldBe(1);
        (await db.AuditEvents.CountAsync(a => a.Action == "proof.revoke" && a.Actor == "rina")).ShouldBe(1);
        var log = await new ProofLogQuery(test).LoadAsync(null, 10);
        log.ShouldHaveSingleItem().RevokeReason.ShouldBe("salah kirim");

        // A revoked proof is not reused: the next request makes a fresh one.
        (await ProofServices.Issue(test).IssueAsync(seed.BudiCredit, Cs, CsActor, "app", true)).Outcome.ShouldBe(IssueProofOutcome.Issued);
    }

    [Fact]
    public async Task Tampered_or_foreign_tokens_show_nothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var cards = ProofServices.Cards(test, ProofServices.Signing(test));
        var issued = await ProofServices.Issue(test).IssueAsync(seed.BudiCredit, Cs, CsActor, "app", true);
        var token = TokenOf((await cards.LoadAsync(issued.ProofId, Cs, BaseUrl))!);
        var tokenId = token[..token.IndexOf('.')];

        var foreign = new ProofTokenSigner(ProofTokenSigner.NewKey()).Sign(tokenId);
        foreach (var bad in new[] { foreign, tokenId, tokenId + ".", token.ToUpperInvariant(), "x" + token, issued.ProofId.ToString(), "" })
        {
            var result = await cards.LoadPublicAsync(bad, BaseUrl);
            result.Status.ShouldBe(PublicProofStatus.NotFound, bad);
            result.View.ShouldBeNull();
        }
    }

    [Fact]
    public async Task The_signing_key_is_made_once_and_kept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var token = (await ProofServices.Signing(test).SignerAsync()).Sign("abc");
        (await ProofServices.Signing(test).SignerAsync()).Verify(token).ShouldBe("abc");
        await using var db = test.CreateDbContext();
        (await db.Settings.CountAsync(s => s.Key == ProofSigning.KeySetting)).ShouldBe(1);
    }

    [Fact]
    public async Task The_weekly_metric_counts_proofs_created_in_the_range()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seed = await ProofSeed.CreateAsync(test, test.Clock.UtcNow);
        var issue = ProofServices.Issue(test);
        var start = test.Clock.UtcNow;
        await issue.IssueAsync(seed.BudiCredit, Cs, CsActor, "app", false);
        test.Time.Advance(TimeSpan.FromDays(1));
        var second = await issue.IssueAsync(seed.SitiCredit, Cs, CsActor, "app", false);
        await new RevokeProofCommand(test, test.Time).RevokeAsync(second.ProofId, null, CsActor);
        test.Time.Advance(TimeSpan.FromDays(7));
        await issue.IssueAsync(seed.SitiCredit, Cs, CsActor, "app", false);

        var metrics = new ProofMetricsQuery(test);
        (await metrics.CountCreatedAsync(start, start.AddDays(7), CancellationToken.None)).ShouldBe(2);
        (await metrics.CountCreatedAsync(start.AddDays(7), start.AddDays(14), CancellationToken.None)).ShouldBe(1);
        (await metrics.CountCreatedAsync(start.AddDays(-7), start, CancellationToken.None)).ShouldBe(0);
    }

    private static string TokenOf(ProofView view) => view.VerificationUrl[(view.VerificationUrl.LastIndexOf('/') + 1)..];
}

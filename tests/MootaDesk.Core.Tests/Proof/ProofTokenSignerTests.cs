using MootaDesk.Core.Proof;

namespace MootaDesk.Core.Tests.Proof;

public class ProofTokenSignerTests
{
    private static readonly ProofTokenSigner Signer = new(ProofTokenSigner.NewKey());

    [Fact]
    public void A_signed_token_verifies_to_its_id()
    {
        var id = ProofTokenSigner.NewTokenId();
        Signer.Verify(Signer.Sign(id)).ShouldBe(id);
    }

    [Fact]
    public void Token_ids_are_random_and_long_enough_not_to_be_guessed()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => ProofTokenSigner.NewTokenId()).ToList();
        ids.Distinct().Count().ShouldBe(200);
        ids.ShouldAllBe(i => i.Length == 22);
    }

    [Fact]
    public void A_tampered_token_is_refused()
    {
        var token = Signer.Sign(ProofTokenSigner.NewTokenId());
        var dot = token.IndexOf('.');
        var otherId = Signer.Sign(ProofTokenSigner.NewTokenId())[..dot];
        var flipped = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        Signer.Verify(otherId + token[dot..]).ShouldBeNull();   // signature moved to another id
        Signer.Verify(flipped).ShouldBeNull();                  // signature altered
        Signer.Verify(token[..dot]).ShouldBeNull();             // signature removed
        Signer.Verify(token + ".x").ShouldBeNull();
        Signer.Verify("").ShouldBeNull();
        Signer.Verify(null).ShouldBeNull();
        Signer.Verify(new string('a', 500)).ShouldBeNull();
    }

    [Fact]
    public void A_token_signed_with_another_key_is_refused()
    {
        var other = new ProofTokenSigner(ProofTokenSigner.NewKey());
        Signer.Verify(other.Sign(ProofTokenSigner.NewTokenId())).ShouldBeNull();
    }

    [Fact]
    public void Short_keys_are_refused() => Should.Throw<ArgumentException>(() => new ProofTokenSigner(new byte[16]));

    [Fact]
    public void Verification_codes_avoid_look_alike_characters_and_read_back_when_typed_loosely()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => VerificationCode.New()).ToList();
        codes.ShouldAllBe(c => c.Length == 9 && c[4] == '-');
        codes.ShouldAllBe(c => !c.Any(ch => "01OILU".Contains(ch)));
        VerificationCode.Normalize(" k7qx 3m9p ").ShouldBe("K7QX-3M9P");
        VerificationCode.Normalize("K7QX-3M9").ShouldBeNull();
        VerificationCode.Normalize("K7QX-3M90").ShouldBeNull();
    }
}

using MootaDesk.Core.Mutations;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Tests.Proof;

internal static class ProofCardSamples
{
    public static ProofCard Card(string? orderReference = "INV-2026-0042", bool sandbox = false) => new(
        BusinessName: "Toko Kopi Nusantara",
        Amount: 150_123m,
        TransactionTimeUtc: new DateTime(2026, 11, 21, 7, 33, 0, DateTimeKind.Utc),
        HasTimeOfDay: true,
        ReadTimeUtc: new DateTime(2026, 11, 21, 7, 34, 12, DateTimeKind.Utc),
        DestinationBank: "BCA",
        MaskedAccountNumber: AccountMask.MaskNumber("1234560123"),
        SenderName: "BUDI SANTOSO",
        OrderReference: orderReference,
        VerificationCode: "K7QX-3M9P",
        VerifiedAtUtc: new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc),
        VerificationUrl: "https://toko.example/v/AbCdEfGhIjKlMnOpQrStUv.0123456789abcdefghijkl",
        IsSandbox: sandbox);
}

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using QRCoder;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Shared;

namespace MootaDesk.Web.Proof;

public partial class ProofCardView
{
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required IStringLocalizer<ProofText> T { get; init; }

    [Parameter, EditorRequired] public ProofCard Card { get; set; } = default!;
    [Parameter] public bool ShowQr { get; set; } = true;
    [Parameter] public bool ShowUrl { get; set; } = true;

    private string QrDataUrl { get; set; } = "";

    private string TransactionTime => Card.HasTimeOfDay ? Clock.FormatDateTime(Card.TransactionTimeUtc) : Clock.FormatDate(Card.TransactionTimeUtc);

    protected override void OnParametersSet()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Card.VerificationUrl, QRCodeGenerator.ECCLevel.M);
        QrDataUrl = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}

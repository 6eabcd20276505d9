namespace MootaDesk.Core.Orders;

/// <summary>Whether the unique code is added to the order amount (Rp 150.000 → Rp 150.123) or taken off it (→ Rp 149.877).</summary>
public enum UniqueCodeMode { Add = 0, Subtract = 1 }

/// <summary>The `MootaDesk:Orders` configuration section.</summary>
public sealed class OrderOptions
{
    public const string Section = "MootaDesk:Orders";

    public int UniqueCodeMin { get; set; } = 1;
    public int UniqueCodeMax { get; set; } = 999;
    public UniqueCodeMode UniqueCodeMode { get; set; } = UniqueCodeMode.Add;

    /// <summary>Validity of an order when the creator gives no expiry (API, CSV rows without one).</summary>
    public int DefaultExpiryHours { get; set; } = 24;

    /// <summary>How far from the payable amount a credit may be and still be offered as a suggestion (never matched automatically).</summary>
    public decimal SuggestionTolerance { get; set; } = 1_000m;

    /// <summary>How long after expiry a credit of the exact amount is still offered as a late payment.</summary>
    public int LatePaymentDays { get; set; } = 7;

    public void Validate()
    {
        if (UniqueCodeMin < 0 || UniqueCodeMax < UniqueCodeMin)
            throw new InvalidOperationException($"MootaDesk:Orders: UniqueCodeMin ({UniqueCodeMin}) and UniqueCodeMax ({UniqueCodeMax}) must form a range of whole numbers from 0 up.");
        if (UniqueCodeMode == UniqueCodeMode.Subtract && UniqueCodeMin == 0 && UniqueCodeMax == 0)
            throw new InvalidOperationException("MootaDesk:Orders: a range of only 0 gives every order the same payable amount.");
    }
}

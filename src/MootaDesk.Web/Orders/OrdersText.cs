namespace MootaDesk.Web.Orders;

/// <summary>Marker for the Orders area's texts (OrdersText.resx Indonesian, OrdersText.en.resx English).</summary>
public sealed class OrdersText;

using System.Globalization;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Orders;

namespace MootaDesk.Web.Orders;

/// <summary>Turns Core's error codes into sentences in the reader's language.</summary>
public static class OrderErrorText
{
    public static string Describe(IStringLocalizer<OrdersText> t, OrderFieldError error)
    {
        var template = t["Error." + error.Code];
        var text = template.ResourceNotFound ? error.Code : template.Value;
        return string.Format(CultureInfo.CurrentCulture, text, error.Args);
    }

    public static string Describe(IStringLocalizer<OrdersText> t, string code)
    {
        var template = t["Change." + code];
        return template.ResourceNotFound ? code : template.Value;
    }
}

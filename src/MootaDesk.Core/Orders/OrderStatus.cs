
namespace MootaDesk.Core.Orders;

public enum OrderStatus { Pending = 0, Paid = 1, Expired = 2, Cancelled = 3 }

namespace MootaDesk.Core.Domain;

/// <summary>What an account is used for; drives grouping in the sweep and the owner's view.</summary>
public enum AccountPurpose { Operasional = 0, Payroll = 1, Marketplace = 2, Penampungan = 3, Cadangan = 4, Lainnya = 5 }

/// <summary>Where a mutation came from. Together with the source's own id it is the idempotency key.</summary>
public enum MutationSource { Webhook = 0, Api = 1, Import = 2, Notification = 3, Manual = 4, Sandbox = 5 }

public enum Direction { Credit = 0, Debit = 1 }

public enum ReconciliationStatus { New = 0, Matched = 1, NeedsAttention = 2, Resolved = 3 }

public enum OrderStatus { Pending = 0, Paid = 1, Expired = 2, Cancelled = 3 }

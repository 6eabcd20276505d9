
namespace MootaDesk.Core.Mutations;

public enum ReconciliationStatus { New = 0, Matched = 1, NeedsAttention = 2, Resolved = 3 }

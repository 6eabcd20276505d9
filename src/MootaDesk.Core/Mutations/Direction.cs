
namespace MootaDesk.Core.Mutations;

public enum Direction { Credit = 0, Debit = 1 }

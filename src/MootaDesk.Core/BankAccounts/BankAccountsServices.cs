using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.BankAccounts.Statements;

namespace MootaDesk.Core.BankAccounts;

public static class BankAccountsServices
{
    /// <summary>The accounts list and editor, and statement import (which stores through the Mutations area's ingestor).</summary>
    public static IServiceCollection AddBankAccounts(this IServiceCollection services)
    {
        services.AddSingleton<AccountList>();
        services.AddSingleton<AccountEditor>();
        services.AddSingleton<StatementImporter>();
        return services;
    }
}

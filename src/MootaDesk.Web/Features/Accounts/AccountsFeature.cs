namespace MootaDesk.Web.Features.Accounts;

public static class AccountsFeature
{
    public static IServiceCollection AddAccountsFeature(this IServiceCollection services)
    {
        services.AddSingleton<AccountList>();
        services.AddSingleton<AccountEditor>();
        return services;
    }
}

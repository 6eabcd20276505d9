using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MootaDesk.Core.Proof;

public static class ProofServices
{
    /// <summary>Proof of payment: issuing, the signed public links, the card, the log and the payment search CS starts from.</summary>
    public static IServiceCollection AddProof(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<ProofOptions>().BindConfiguration(ProofOptions.Section)
            .Validate(o => !environment.IsProduction() || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http",
                "MootaDesk:Proof:PublicBaseUrl must be set in Production to the address customers open proof links at " +
                "(e.g. https://kas.tokosaya.id): behind a reverse proxy the request's own address is the internal one, and links " +
                "and QR codes already shared would point there. Set it with the environment variable MootaDesk__Proof__PublicBaseUrl.")
            .ValidateOnStart();
        services.AddSingleton<ProofSigning>();
        services.AddSingleton<ProofCardQuery>();
        services.AddSingleton<IssueProofCommand>();
        services.AddSingleton<RecordProofShareCommand>();
        services.AddSingleton<RevokeProofCommand>();
        services.AddSingleton<ProofLogQuery>();
        services.AddSingleton<PaymentSearch>();
        services.AddSingleton<ProofMetricsQuery>();
        return services;
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Configuration;

namespace MootaDesk.Core.Settings;

/// <summary>Loads the demo shop into an empty database when `MootaDesk:DemoData` is on (default in Development).</summary>
internal sealed class DemoDataStartup(DemoDataStore demo, IOptions<MootaDeskOptions> options, ILogger<DemoDataStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DemoData != true) return;
        if (await demo.LoadIfEmptyAsync(cancellationToken))
            logger.LogInformation("Loaded demo data (flagged sandbox, labelled Demo) into the empty database");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

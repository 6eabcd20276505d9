using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace MootaDesk.Browser.Tests.Infrastructure;

/// <summary>
/// The real app, started from its build output the way `dotnet run` starts it (Development environment, so
/// static web assets are served), on a free loopback port, over a fresh SQLite file.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _dir;

    public string BaseUrl { get; }
    public string DatabasePath => System.IO.Path.Combine(_dir, "app.db");
    public string Log { get { lock (_log) return _log.ToString(); } }

    private AppServer(Process process, string baseUrl, string dir)
    {
        _process = process;
        BaseUrl = baseUrl;
        _dir = dir;
    }

    public static string Metadata(string key) =>
        typeof(AppServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public static async Task<AppServer> StartAsync(bool demoData = false, IDictionary<string, string>? settings = null)
    {
        var appDir = Metadata("WebAppDirectory");
        var exe = System.IO.Path.Combine(appDir, OperatingSystem.IsWindows() ? "MootaDesk.Web.exe" : "MootaDesk.Web");
        if (!File.Exists(exe)) throw new InvalidOperationException($"The app is not built at {exe}; run dotnet build MootaDesk.sln first.");

        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mootadesk-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var psi = new ProcessStartInfo(exe)
        {
            WorkingDirectory = appDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(url);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["ConnectionStrings__MootaDesk"] = $"Data Source={System.IO.Path.Combine(dir, "app.db")}";
        psi.Environment["MootaDesk__DemoData"] = demoData ? "true" : "false";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
            psi.Environment[k.Replace(":", "__")] = v;

        var process = Process.Start(psi)!;
        var server = new AppServer(process, url, dir);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (server._log) server._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (server._log) server._log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException("The app exited during start-up:\n" + server.Log);
            try
            {
                if ((await http.GetAsync(url + "/health")).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        await server.DisposeAsync();
        throw new TimeoutException("The app did not answer /health within 90 s:\n" + server.Log);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception) { /* already gone */ }
        _process.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}

namespace MootaDesk.Web.Integrations;

/// <summary>Strings of the Integrasi area: integrations hub, webhook log, sandbox and API keys.</summary>
public sealed class IntegrationsText;

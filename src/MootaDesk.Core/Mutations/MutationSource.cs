using MootaDesk.Core.Platform.Notifications;

namespace MootaDesk.Core.Mutations;

/// <summary>Where a mutation came from. Together with the source's own id it is the idempotency key.</summary>
public enum MutationSource { Webhook = 0, Api = 1, Import = 2, Notification = 3, Manual = 4, Sandbox = 5 }
